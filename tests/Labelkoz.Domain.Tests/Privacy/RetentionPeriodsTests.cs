using Labelkoz.Domain.Privacy;

namespace Labelkoz.Domain.Tests.Privacy;

public sealed class RetentionPeriodsTests
{
    private static readonly DateTime Start = new(2026, 1, 31, 10, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, int, RetentionUnit> Promised() => new()
    {
        { RetentionPeriods.UnconfirmedAccounts.Code, 7, RetentionUnit.Days },
        { RetentionPeriods.UntouchedDraftProjects.Code, 12, RetentionUnit.Months },
        { RetentionPeriods.DecidedSignupRequests.Code, 12, RetentionUnit.Months },
        { RetentionPeriods.InactiveAccounts.Code, 3, RetentionUnit.Years },
        { RetentionPeriods.AccountingRecords.Code, 10, RetentionUnit.Years },
        { RetentionPeriods.TaxReceipts.Code, 10, RetentionUnit.Years },
    };

    [Theory]
    [MemberData(nameof(Promised))]
    public void EachPeriod_IsTheOneThePrivacyNoticePromises(string code, int amount, RetentionUnit unit) =>
        Assert.Equal(new RetentionDuration(amount, unit), RetentionPeriods.All.Single(p => p.Code == code).Duration);

    [Fact]
    public void TaxReceipts_AreKeptAtLeastTheSixYearsTheTaxCodeRequires() =>
        Assert.True(RetentionPeriods.TaxReceipts.Duration!.Value.EndsAfter(Start) >= Start.AddYears(6));

    [Fact]
    public void RecordsWithoutAFixedEnd_SayWhatHappensToThem()
    {
        Assert.Null(RetentionPeriods.AuditEntries.Duration);
        Assert.Contains("pseudonyme", RetentionPeriods.AuditEntries.Rule, StringComparison.Ordinal);
        Assert.Null(RetentionPeriods.PaymentProcessorRecords.Duration);
    }

    [Fact]
    public void All_ListsEveryPeriodOnce_WithDistinctCodes()
    {
        Assert.Equal(8, RetentionPeriods.All.Count);
        Assert.Equal(RetentionPeriods.All.Count, RetentionPeriods.All.Select(p => p.Code).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(7, RetentionUnit.Days, "2026-02-07")]
    [InlineData(1, RetentionUnit.Months, "2026-02-28")]
    [InlineData(3, RetentionUnit.Years, "2029-01-31")]
    public void EndsAfter_CountsCalendarUnits(int amount, RetentionUnit unit, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateOnly.FromDateTime(new RetentionDuration(amount, unit).EndsAfter(Start)));

    [Fact]
    public void EveryProcessingActivity_TakesItsRetentionFromThePeriods()
    {
        Assert.All(ProcessingActivities.All, activity => Assert.All(activity.Retention, period => Assert.Contains(period, RetentionPeriods.All)));
        Assert.Equal(ProcessingActivities.All.Count, ProcessingActivities.All.Select(a => a.Code).Distinct(StringComparer.Ordinal).Count());
    }
}
