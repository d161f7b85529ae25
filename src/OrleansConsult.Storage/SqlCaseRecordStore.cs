using System.Data.Common;
using System.Globalization;
using OrleansConsult.Abstractions.Records;

namespace OrleansConsult.Storage;

/// <summary>The case records (oc_case_record, oc_case_label, oc_case_referral); no personal data.</summary>
public sealed class SqlCaseRecordStore(Database database) : ICaseRecordStore
{
    private const string Columns = """
        case_id, tenant_id, consultee, channel, opened_at, first_answered_at, closed_at, time_band, urgent,
        answered_by, answered_by_pool, left_message, left_message_answered_at, survey_score, duration_minutes,
        classified, age_band, pregnancy_weeks, first_wait_us, left_wait_us, counselor_id
        """;

    public async Task SaveAsync(CaseRecord record, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"""
                INSERT INTO oc_case_record ({Columns})
                VALUES (@case, @tenant, @consultee, @channel, @opened, @answered, @closed, @band, @urgent,
                        @by, @pool, @left, @leftAnswered, @survey, @duration, @classified, @age, @weeks, @firstWait, @leftWait, @counselor)
                ON CONFLICT (case_id) DO UPDATE SET
                    tenant_id = excluded.tenant_id, consultee = excluded.consultee, channel = excluded.channel,
                    opened_at = excluded.opened_at, first_answered_at = excluded.first_answered_at,
                    closed_at = excluded.closed_at, time_band = excluded.time_band, urgent = excluded.urgent,
                    answered_by = excluded.answered_by, answered_by_pool = excluded.answered_by_pool,
                    left_message = excluded.left_message, left_message_answered_at = excluded.left_message_answered_at,
                    survey_score = excluded.survey_score, duration_minutes = excluded.duration_minutes,
                    classified = excluded.classified, age_band = excluded.age_band, pregnancy_weeks = excluded.pregnancy_weeks,
                    first_wait_us = excluded.first_wait_us, left_wait_us = excluded.left_wait_us, counselor_id = excluded.counselor_id
                """;
            AddRecord(command, record);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await ReplaceLabelsAsync(connection, transaction, record.CaseId, record.Classification, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task OpenedAsync(CaseRecord record, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO oc_case_record ({Columns})
            VALUES (@case, @tenant, @consultee, @channel, @opened, @answered, @closed, @band, @urgent,
                    @by, @pool, @left, @leftAnswered, @survey, @duration, @classified, @age, @weeks, @firstWait, @leftWait, @counselor)
            ON CONFLICT (case_id) DO NOTHING
            """;
        AddRecord(command, record with { Classification = null });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task LeftMessageAsync(string caseId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE oc_case_record SET left_message = 1 WHERE case_id = @case AND first_answered_at IS NULL",
            cancellationToken, ("case", caseId));

    public Task ConnectedAsync(string caseId, DateTimeOffset at, string answeredBy, bool byPool, string counselorId, CancellationToken cancellationToken = default) =>
        // One statement: the wait is computed from opened_at in the row itself (the report's percentiles rank it in SQL),
        // and every CASE reads the row as it was, so only a first connection writes the answer.
        ExecuteAsync($"""
            UPDATE oc_case_record SET counselor_id = @counselor,
                first_answered_at = CASE WHEN first_answered_at IS NULL THEN @at ELSE first_answered_at END,
                first_wait_us = CASE WHEN first_answered_at IS NULL THEN {WaitSinceOpened} ELSE first_wait_us END,
                answered_by = CASE WHEN first_answered_at IS NULL THEN @by ELSE answered_by END,
                answered_by_pool = CASE WHEN first_answered_at IS NULL THEN @pool ELSE answered_by_pool END,
                left_message_answered_at = CASE WHEN first_answered_at IS NULL AND left_message = 1 THEN @at ELSE left_message_answered_at END,
                left_wait_us = CASE WHEN first_answered_at IS NULL AND left_message = 1 THEN {WaitSinceOpened} ELSE left_wait_us END
            WHERE case_id = @case
            """, cancellationToken, ("case", caseId), ("at", database.Time(at)), ("by", answeredBy), ("pool", byPool ? 1 : 0),
            ("counselor", counselorId));

    /// <summary>
    /// From opened_at to @at in whole microseconds, as <see cref="WaitMicroseconds"/> counts it: PostgreSQL keeps
    /// microseconds; SQLite's text times are read as seconds plus the first six digits of the fraction (julianday's
    /// double is not exact to the microsecond).
    /// </summary>
    private string WaitSinceOpened => database.IsPostgres
        ? "CAST((EXTRACT(EPOCH FROM CAST(@at AS timestamptz)) - EXTRACT(EPOCH FROM opened_at)) * 1000000 AS bigint)"
        : $"({SqliteMicroseconds("@at")} - {SqliteMicroseconds("opened_at")})";

    private static string SqliteMicroseconds(string time) =>
        $"(CAST(strftime('%s', substr({time}, 1, 19)) AS INTEGER) * 1000000 + CAST(substr({time}, 21, 6) AS INTEGER))";

    /// <summary>From opened to answered in whole microseconds (PostgreSQL keeps times to the microsecond).</summary>
    public static long WaitMicroseconds(DateTimeOffset opened, DateTimeOffset answered) => answered.UtcTicks / 10 - opened.UtcTicks / 10;

    public Task HandledByAsync(string caseId, string counselorId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE oc_case_record SET counselor_id = @counselor WHERE case_id = @case",
            cancellationToken, ("case", caseId), ("counselor", counselorId));

    public Task ClosedAsync(string caseId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE oc_case_record SET closed_at = @at WHERE case_id = @case AND closed_at IS NULL",
            cancellationToken, ("case", caseId), ("at", database.Time(at)));

    public Task SurveyAsync(string caseId, int score, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE oc_case_record SET survey_score = @score WHERE case_id = @case",
            cancellationToken, ("case", caseId), ("score", score));

    public async Task ClassifyAsync(string caseId, CaseClassification classification, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "UPDATE oc_case_record SET classified = 1, age_band = @age, pregnancy_weeks = @weeks WHERE case_id = @case";
            command.Add("case", caseId);
            command.Add("age", (object?)classification.AgeBand ?? DBNull.Value);
            command.Add("weeks", (object?)classification.PregnancyWeeks ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await ReplaceLabelsAsync(connection, transaction, caseId, classification, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task SaveReferralAsync(CaseReferral referral, CancellationToken cancellationToken = default) =>
        ExecuteAsync("""
            INSERT INTO oc_case_referral (referral_id, case_id, destination, place, status, accompanied_on, accompanied_by, shelter_nights)
            VALUES (@id, @case, @destination, @place, @status, @on, @by, @nights)
            ON CONFLICT (referral_id) DO UPDATE SET
                destination = excluded.destination, place = excluded.place, status = excluded.status,
                accompanied_on = excluded.accompanied_on, accompanied_by = excluded.accompanied_by, shelter_nights = excluded.shelter_nights
            """, cancellationToken,
            ("id", referral.ReferralId), ("case", referral.CaseId), ("destination", referral.Destination), ("place", referral.Place),
            ("status", referral.Status),
            ("on", (object?)referral.AccompaniedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value),
            ("by", (object?)referral.AccompaniedBy ?? DBNull.Value),
            ("nights", (object?)referral.ShelterNights ?? DBNull.Value));

    public async Task<CaseRecord?> FindAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var found = await ReadRecordsAsync($"SELECT {Columns} FROM oc_case_record WHERE case_id = @case", cancellationToken, ("case", caseId));
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<CaseReferral>> ReferralsOfAsync(string caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT referral_id, case_id, destination, place, status, accompanied_on, accompanied_by, shelter_nights
            FROM oc_case_referral WHERE case_id = @case ORDER BY referral_id
            """;
        command.Add("case", caseId);
        var referrals = new List<CaseReferral>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            referrals.Add(new CaseReferral(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture)));
        }
        return referrals;
    }

    public Task<IReadOnlyList<CaseRecord>> ListAsync(CaseRecordFilter filter, CancellationToken cancellationToken = default)
    {
        var where = new List<string> { "opened_at >= @from", "opened_at < @to" };
        var values = new List<(string, object)> { ("from", database.Time(filter.From)), ("to", database.Time(filter.To)), ("max", filter.Max) };
        if (filter.Tenants is { } tenants)
        {
            var names = tenants.Select((t, i) => (Name: "t" + i, Tenant: t)).ToList();
            where.Add(names.Count == 0 ? "1 = 0" : $"tenant_id IN ({string.Join(", ", names.Select(n => "@" + n.Name))})");
            values.AddRange(names.Select(n => (n.Name, (object)n.Tenant)));
        }
        if (filter.Channel is { } channel)
        {
            where.Add("channel = @channel");
            values.Add(("channel", channel));
        }
        if (filter.Closed is { } closed) where.Add(closed ? "closed_at IS NOT NULL" : "closed_at IS NULL");
        if (filter.Urgent is { } urgent) where.Add(urgent ? "urgent = 1" : "urgent = 0");
        if (filter.UnclassifiedOnly) where.Add("classified = 0");
        if (filter.Topic is { } topic)
        {
            where.Add("EXISTS (SELECT 1 FROM oc_case_label l WHERE l.case_id = oc_case_record.case_id AND l.kind = 'topic' AND l.value = @topic)");
            values.Add(("topic", topic));
        }
        if (filter.ReferralStatus == CaseRecordFilter.NoReferral)
        {
            where.Add("NOT EXISTS (SELECT 1 FROM oc_case_referral f WHERE f.case_id = oc_case_record.case_id)");
        }
        else if (filter.ReferralStatus is { } status)
        {
            where.Add("EXISTS (SELECT 1 FROM oc_case_referral f WHERE f.case_id = oc_case_record.case_id AND f.status = @status)");
            values.Add(("status", status));
        }
        values.Add(("offset", Math.Max(0, filter.Offset)));
        return ReadRecordsAsync(
            $"SELECT {Columns} FROM oc_case_record WHERE {string.Join(" AND ", where)} ORDER BY opened_at DESC, case_id LIMIT @max OFFSET @offset",
            cancellationToken, [.. values]);
    }

    public Task<IReadOnlyList<CaseRecord>> UnclassifiedAsync(string tenantId, DateTimeOffset closedBefore, int max = 500, CancellationToken cancellationToken = default) =>
        ReadRecordsAsync($"""
            SELECT {Columns} FROM oc_case_record
            WHERE tenant_id = @tenant AND classified = 0 AND closed_at IS NOT NULL AND closed_at < @before
            ORDER BY closed_at, case_id LIMIT @max
            """, cancellationToken, ("tenant", tenantId), ("before", database.Time(closedBefore)), ("max", max));

    public async Task ForgetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in new[] { "oc_case_referral", "oc_case_label", "oc_case_record" })
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"DELETE FROM {table} WHERE case_id = @case";
            command.Add("case", caseId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task ReplaceLabelsAsync(DbConnection connection, DbTransaction transaction, string caseId, CaseClassification? classification, CancellationToken cancellationToken)
    {
        if (classification is null) return;
        await using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM oc_case_label WHERE case_id = @case";
            delete.Add("case", caseId);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        var labels = classification.Topics.Distinct().Select(t => ("topic", t)).Concat(classification.Actions.Distinct().Select(a => ("action", a)));
        foreach (var (kind, value) in labels)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO oc_case_label (case_id, kind, value) VALUES (@case, @kind, @value)";
            insert.Add("case", caseId);
            insert.Add("kind", kind);
            insert.Add("value", value);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private void AddRecord(DbCommand command, CaseRecord record)
    {
        command.Add("case", record.CaseId);
        command.Add("tenant", record.TenantId);
        command.Add("consultee", record.ConsulteeKey);
        command.Add("channel", record.Channel);
        command.Add("opened", database.Time(record.OpenedAt));
        command.Add("answered", OptionalTime(record.FirstAnsweredAt));
        command.Add("closed", OptionalTime(record.ClosedAt));
        command.Add("band", record.TimeBand);
        command.Add("urgent", record.Urgent ? 1 : 0);
        command.Add("by", (object?)record.AnsweredBy ?? DBNull.Value);
        command.Add("pool", record.AnsweredByPool ? 1 : 0);
        command.Add("left", record.LeftMessage ? 1 : 0);
        command.Add("leftAnswered", OptionalTime(record.LeftMessageAnsweredAt));
        command.Add("survey", (object?)record.SurveyScore ?? DBNull.Value);
        command.Add("duration", (object?)record.DurationMinutes ?? DBNull.Value);
        command.Add("classified", record.Classification is null ? 0 : 1);
        command.Add("age", (object?)record.Classification?.AgeBand ?? DBNull.Value);
        command.Add("weeks", (object?)record.Classification?.PregnancyWeeks ?? DBNull.Value);
        command.Add("firstWait", record.FirstAnsweredAt is { } answered ? (object)WaitMicroseconds(record.OpenedAt, answered) : DBNull.Value);
        command.Add("counselor", (object?)record.CounselorId ?? DBNull.Value);
        command.Add("leftWait", record.LeftMessageAnsweredAt is { } left ? (object)WaitMicroseconds(record.OpenedAt, left) : DBNull.Value);
    }

    private object OptionalTime(DateTimeOffset? value) => value is { } v ? database.Time(v) : DBNull.Value;

    private async Task<IReadOnlyList<CaseRecord>> ReadRecordsAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] values)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var records = new List<(CaseRecord Record, bool Classified)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = sql;
            foreach (var (name, value) in values) command.Add(name, value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                DateTimeOffset? Time(int i) => reader.IsDBNull(i) ? null : database.ReadTime(reader, i);
                int? Int(int i) => reader.IsDBNull(i) ? null : Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);
                string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
                var classified = Int(15) == 1;
                records.Add((new CaseRecord(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), database.ReadTime(reader, 4),
                    reader.GetString(7), Time(5), Time(6), Int(8) == 1, Text(9), Int(10) == 1, Int(11) == 1, Time(12), Int(13), Int(14),
                    classified ? new CaseClassification([], Text(16), Text(17), []) : null, Text(20)), classified));
            }
        }
        if (records.Count == 0 || records.Count > 1) return records.Select(r => r.Record).ToList();
        // One case (its page): read its labels too. Lists show the classified flag only.
        var (single, isClassified) = records[0];
        if (!isClassified) return [single];
        var labels = new List<(string Kind, string Value)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT kind, value FROM oc_case_label WHERE case_id = @case ORDER BY kind, value";
            command.Add("case", single.CaseId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) labels.Add((reader.GetString(0), reader.GetString(1)));
        }
        return [single with { Classification = single.Classification! with {
            Topics = labels.Where(l => l.Kind == "topic").Select(l => l.Value).ToList(),
            Actions = labels.Where(l => l.Kind == "action").Select(l => l.Value).ToList() } }];
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] values)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in values) command.Add(name, value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
