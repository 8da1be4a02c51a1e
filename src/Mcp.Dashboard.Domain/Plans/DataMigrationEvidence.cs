namespace Mcp.Dashboard.Domain.Plans;

/// <summary>Checks evidence as engineers record it, so a typo never blocks later edits of the plan.</summary>
public static class DataMigrationEvidence
{
    public static ValidationErrors Validate(DataMigrationTask evidence)
    {
        var errors = new ValidationErrors();
        if (evidence.Backup is { } backup)
        {
            if (backup.Location is { Length: > 500 })
            {
                errors.Add("backup.location", "At most 500 characters.");
            }

            if (backup.Checksum is { Length: > 200 })
            {
                errors.Add("backup.checksum", "At most 200 characters.");
            }

            if (backup.SizeBytes is < 0)
            {
                errors.Add("backup.sizeBytes", "A size cannot be negative.");
            }

            if (backup.Verified && (string.IsNullOrWhiteSpace(backup.Location) || string.IsNullOrWhiteSpace(backup.Checksum)))
            {
                errors.Add("backup.verified", "Give the location and checksum of the backup you verified.");
            }
        }

        if (evidence.Sync is { } sync)
        {
            if (!double.IsFinite(sync.ProgressPercent) || sync.ProgressPercent is < 0 or > 100)
            {
                errors.Add("sync.progressPercent", "Progress is 0 to 100.");
            }

            if (sync.LagSeconds is < 0)
            {
                errors.Add("sync.lagSeconds", "Lag cannot be negative.");
            }
        }

        if (evidence.Consistency is { } check && (check.SampleSize < 0 || check.Mismatches < 0 || check.Mismatches > check.SampleSize))
        {
            errors.Add("consistency", "Mismatches must be between 0 and the sample size.");
        }

        return errors;
    }
}
