using Mcp.Dashboard.Domain.Analysis;

namespace Mcp.Dashboard.Domain.Simulation;

/// <summary>
/// A simulated fleet for one rollout: the old version serves most traffic, the canary gets the
/// weight it is given, and every simulated second yields one sample per cohort of
/// <c>error_rate</c>, <c>latency_p99_ms</c> and <c>requests_per_second</c>. Deterministic for a
/// given <see cref="Random"/> seed, so a demo, a test and a benchmark replay the same fleet.
/// </summary>
/// <remarks>
/// The baseline cohort is a same-size slice of the old version, as Kayenta sets it up: both
/// cohorts see the same request volume, so the judge compares like with like and only the code
/// differs. Both volumes follow the canary weight; at weight 0 there is no canary, hence no
/// slice to compare it with, and a tick yields no samples.
/// </remarks>
public sealed class FleetSimulator
{
    public const string ErrorRate = "error_rate";
    public const string LatencyP99 = "latency_p99_ms";
    public const string RequestsPerSecond = "requests_per_second";

    // z of the 99th percentile and the standard normal density there: the p99 of n requests
    // has a standard error of sqrt(0.99 * 0.01 / n) / density in z units (order statistics).
    private const double Z99 = 2.3263478740408408;
    private const double DensityAtZ99 = 0.026652142053849;

    private readonly Random _random;
    private readonly FleetProfile _profile;
    private readonly double _canaryHostBias;
    private readonly double _baselineHostBias;
    private readonly double _driftDecay;
    private double _errorDrift;
    private double _latencyDrift;
    private double _errorFactor = 1;
    private double _latencyFactor = 1;

    public FleetSimulator(Random random, FleetProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        _random = random;
        _profile = profile ?? FleetProfile.Default;
        _baselineHostBias = _profile.HostBias * NextGaussian();
        _canaryHostBias = _profile.HostBias * NextGaussian();
        _driftDecay = Math.Exp(-1 / Math.Max(1e-9, _profile.DriftCorrelationTime.TotalSeconds));
        // Start the drift from its stationary distribution, not from zero, so that the first
        // minute is as noisy as any other.
        _errorDrift = _profile.DriftStrength * NextGaussian();
        _latencyDrift = _profile.DriftStrength * NextGaussian();
    }

    /// <summary>The canary's share of traffic in percent (0-100).</summary>
    public int CanaryWeight { get; private set; }

    /// <summary>Requests a second each cohort serves at the current weight.</summary>
    public double CohortRequestsPerSecond => _profile.FleetRequestsPerSecond * CanaryWeight / 100.0;

    public void SetCanaryWeight(int weight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weight, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weight, 100);
        CanaryWeight = weight;
    }

    /// <summary>Makes the canary worse by the factor (an injection of the same kind replaces the last one).</summary>
    public void InjectFault(FaultKind kind, double factor)
    {
        if (!double.IsFinite(factor) || factor <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The factor must be a positive number, e.g. 2 to double.");
        }

        switch (kind)
        {
            case FaultKind.ErrorSpike:
                _errorFactor = factor;
                break;
            case FaultKind.LatencyRegression:
                _latencyFactor = factor;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown fault.");
        }
    }

    public void ClearFaults()
    {
        _errorFactor = 1;
        _latencyFactor = 1;
    }

    /// <summary>Simulates the second ending at <paramref name="at"/> and returns its samples.</summary>
    public IReadOnlyList<MetricSample> Tick(DateTimeOffset at)
    {
        var samples = new List<MetricSample>(6);
        Tick(at, samples);
        return samples;
    }

    /// <summary>Simulates the second ending at <paramref name="at"/> and adds its samples to <paramref name="into"/>.</summary>
    public void Tick(DateTimeOffset at, ICollection<MetricSample> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        // The drift moves whether or not a canary is running: it belongs to the traffic.
        var shock = Math.Sqrt(1 - _driftDecay * _driftDecay) * _profile.DriftStrength;
        _errorDrift = _driftDecay * _errorDrift + shock * NextGaussian();
        _latencyDrift = _driftDecay * _latencyDrift + shock * NextGaussian();
        if (CanaryWeight == 0)
        {
            return;
        }

        AddCohort(Cohorts.Baseline, _baselineHostBias, errorFactor: 1, latencyFactor: 1, at, into);
        AddCohort(Cohorts.Canary, _canaryHostBias, _errorFactor, _latencyFactor, at, into);
    }

    private void AddCohort(string cohort, double hostBias, double errorFactor, double latencyFactor, DateTimeOffset at, ICollection<MetricSample> into)
    {
        var requests = Poisson(CohortRequestsPerSecond);
        var errorRate = Math.Min(1, _profile.BaseErrorRate * Math.Exp(_errorDrift + hostBias) * errorFactor);
        var errors = Binomial(requests, errorRate);
        into.Add(new MetricSample(cohort, ErrorRate, requests == 0 ? 0 : errors / (double)requests, at));
        into.Add(new MetricSample(cohort, LatencyP99, P99(requests, hostBias) * latencyFactor, at));
        into.Add(new MetricSample(cohort, RequestsPerSecond, requests, at));
    }

    // Request latencies are lognormal; the second's p99 is the true p99 plus the sampling error
    // of a 99th percentile over that second's requests, and now and then a spike.
    private double P99(long requests, double hostBias)
    {
        var samplingError = Math.Sqrt(0.99 * 0.01 / Math.Max(1, requests)) / DensityAtZ99;
        var logP99 = Math.Log(_profile.LatencyMedianMs) + _latencyDrift + hostBias
            + _profile.LatencySpread * (Z99 + samplingError * NextGaussian());
        var spike = _random.NextDouble() < _profile.LatencySpikeChance ? 1.5 + 1.5 * _random.NextDouble() : 1;
        return Math.Exp(logP99) * spike;
    }

    private long Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean < 30)
        {
            // Knuth's product of uniforms: exact, and cheap for small means.
            var limit = Math.Exp(-mean);
            long k = 0;
            var product = _random.NextDouble();
            while (product > limit)
            {
                k++;
                product *= _random.NextDouble();
            }

            return k;
        }

        return Math.Max(0, (long)Math.Round(mean + Math.Sqrt(mean) * NextGaussian()));
    }

    private long Binomial(long trials, double p)
    {
        if (trials == 0 || p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return trials;
        }

        var mean = trials * p;
        if (mean < 30)
        {
            // Inversion: walk the probability mass from 0 up; O(mean) steps.
            var u = _random.NextDouble();
            var mass = Math.Pow(1 - p, trials);
            var cumulative = mass;
            long k = 0;
            while (u > cumulative && k < trials)
            {
                mass *= (trials - k) * p / ((k + 1) * (1 - p));
                k++;
                cumulative += mass;
                if (mass < 1e-300)
                {
                    break;
                }
            }

            return k;
        }

        // With 30+ expected errors the normal approximation is within a fraction of an error.
        var sd = Math.Sqrt(mean * (1 - p));
        return Math.Clamp((long)Math.Round(mean + sd * NextGaussian()), 0, trials);
    }

    private double NextGaussian() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
