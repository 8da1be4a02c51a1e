using System.Security.Cryptography;
using System.Text;
using Mcp.Dashboard.Audit;
using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace Mcp.Dashboard.Accounts;

/// <summary>A token as its owner sees it in the list: never the token itself.</summary>
public sealed record ApiTokenSummary(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>The one moment a new token is visible.</summary>
public sealed record CreatedApiToken(ApiTokenSummary Summary, string Token);

/// <summary>
/// Creates, lists, revokes and checks personal API tokens. Tokens are 256 random bits, so a
/// plain SHA-256 is the right hash: there is nothing to brute-force, and lookups stay O(1).
/// </summary>
public sealed class ApiTokenService(
    IDbContextFactory<DashboardDbContext> contexts,
    AuditTrail audit,
    TimeProvider clock)
{
    public const string TokenPrefix = "mcp_";

    public const string BootstrapTokenName = "bootstrap (from configuration)";

    public async Task<CreatedApiToken> CreateAsync(Actor owner, string name, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100)
        {
            throw new ArgumentException("Give the token a name of 1 to 100 characters.", nameof(name));
        }

        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var entity = new ApiToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = owner.UserId,
            Name = name,
            Prefix = token[..10],
            Hash = Hash(token),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiTokens.Add(entity);
        audit.Add(db, owner, "token.created", "token", entity.Id.ToString(), after: new { entity.Name, entity.Prefix, entity.ExpiresAt });
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiToken(ToSummary(entity), token);
    }

    /// <summary>
    /// Stores the token given in configuration (Bootstrap:ApiToken) for a user. Changing the
    /// setting rotates it: the previous bootstrap token stops working.
    /// </summary>
    public async Task EnsureBootstrapAsync(string userId, string token, CancellationToken cancellationToken = default)
    {
        var hash = Hash(token);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var previous = await db.ApiTokens
            .Where(t => t.UserId == userId && t.Name == BootstrapTokenName && t.RevokedAt == null && t.Hash != hash)
            .ToListAsync(cancellationToken);
        foreach (var old in previous)
        {
            old.RevokedAt = now;
            audit.Add(db, Actor.System, "token.revoked", "token", old.Id.ToString(), reason: "Bootstrap:ApiToken changed.", before: new { old.Name, old.Prefix });
        }

        if (!await db.ApiTokens.AnyAsync(t => t.Hash == hash, cancellationToken))
        {
            var entity = new ApiToken
            {
                Id = Guid.CreateVersion7(now),
                UserId = userId,
                Name = BootstrapTokenName,
                Prefix = token[..Math.Min(10, token.Length)],
                Hash = hash,
                CreatedAt = now,
            };
            db.ApiTokens.Add(entity);
            audit.Add(db, Actor.System, "token.created", "token", entity.Id.ToString(), reason: "From Bootstrap:ApiToken.", after: new { entity.Name, entity.Prefix });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ApiTokenSummary>> ListAsync(Actor owner, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == owner.UserId).ToListAsync(cancellationToken);
        return tokens.OrderByDescending(t => t.CreatedAt).Select(ToSummary).ToList();
    }

    public async Task<bool> RevokeAsync(Actor owner, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && (t.UserId == owner.UserId || owner.IsAdmin), cancellationToken);
        if (token is null || token.RevokedAt is not null)
        {
            return false;
        }

        token.RevokedAt = clock.GetUtcNow();
        audit.Add(db, owner, "token.revoked", "token", token.Id.ToString(), before: new { token.Name, token.Prefix });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The owner of an active token, or null. Records when it was last used.</summary>
    public async Task<string?> FindOwnerAsync(string token, CancellationToken cancellationToken = default)
    {
        if (token.Length is < 8 or > 200)
        {
            return null;
        }

        var hash = Hash(token);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await db.ApiTokens.FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        var now = clock.GetUtcNow();
        if (entity is null || !entity.IsActive(now))
        {
            return null;
        }

        // Writing "last used" on every call would make every API read a write; once a minute is plenty.
        if (entity.LastUsedAt is null || now - entity.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            entity.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return entity.UserId;
    }

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ApiTokenSummary ToSummary(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt);
}
