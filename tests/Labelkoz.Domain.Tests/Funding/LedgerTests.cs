using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Funding.Ledger;

namespace Labelkoz.Domain.Tests.Funding;

public sealed class LedgerTests
{
    private static readonly DateTime Now = FundingKit.Now;

    [Fact]
    public void ATransfer_IsTwoLinesThatSumToZero()
    {
        var transaction = LedgerTransaction.Transfer(1, 7, 3, LedgerTransactionKind.Contribution, "contribution:3:paid", LedgerAccount.Clearing(PaymentProvider.Sandbox), LedgerAccount.Escrow(7), 25_00, Now);

        Assert.Equal(0, transaction.Lines.Sum(l => l.AmountCents));
        Assert.Equal(-25_00, transaction.Lines.Single(l => l.Account == LedgerAccount.Clearing(PaymentProvider.Sandbox)).AmountCents);
        Assert.Equal(25_00, transaction.Lines.Single(l => l.Account == LedgerAccount.Escrow(7)).AmountCents);
        Assert.All(transaction.Lines, l => Assert.Equal(1, l.MunicipalityId));
    }

    [Theory]
    [InlineData(100, -99)]
    [InlineData(-5, -5)]
    public void UnbalancedLines_AreRefused(long first, long second)
    {
        var error = Assert.Throws<DomainException>(() => LedgerTransaction.Record(1, 7, null, LedgerTransactionKind.PlatformFee, "fee:7", Now, [(LedgerAccount.Escrow(7), first), (LedgerAccount.PlatformFees, second)]));

        Assert.Contains("équilibré", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALoneLine_AZeroLine_ANonPositiveTransfer_OrAMissingKey_AreRefused()
    {
        Assert.Throws<DomainException>(() => LedgerTransaction.Record(1, 7, null, LedgerTransactionKind.PlatformFee, "k", Now, [(LedgerAccount.Escrow(7), 0)]));
        Assert.Throws<DomainException>(() => LedgerTransaction.Record(1, 7, null, LedgerTransactionKind.PlatformFee, "k", Now, [(LedgerAccount.Escrow(7), 5), (LedgerAccount.PlatformFees, 0), (LedgerAccount.PayoutsSent, -5)]));
        Assert.Throws<DomainException>(() => LedgerTransaction.Transfer(1, 7, null, LedgerTransactionKind.PlatformFee, "k", LedgerAccount.Escrow(7), LedgerAccount.PlatformFees, 0, Now));
        Assert.Throws<DomainException>(() => LedgerTransaction.Transfer(1, 7, null, LedgerTransactionKind.PlatformFee, "k", LedgerAccount.Escrow(7), LedgerAccount.PlatformFees, -1, Now));
        Assert.Throws<DomainException>(() => LedgerTransaction.Transfer(1, 7, null, LedgerTransactionKind.PlatformFee, " ", LedgerAccount.Escrow(7), LedgerAccount.PlatformFees, 1, Now));
        Assert.Throws<DomainException>(() => LedgerTransaction.Transfer(1, 7, null, LedgerTransactionKind.PlatformFee, new string('k', LedgerTransaction.KeyMaxLength + 1), LedgerAccount.Escrow(7), LedgerAccount.PlatformFees, 1, Now));
    }

    [Fact]
    public void LinesThatWouldOverflow_AreRefused_NotWrapped()
    {
        Assert.Throws<OverflowException>(() => LedgerTransaction.Record(1, 7, null, LedgerTransactionKind.PlatformFee, "k", Now, [(LedgerAccount.Escrow(7), long.MaxValue), (LedgerAccount.PlatformFees, 1), (LedgerAccount.PayoutsSent, long.MinValue)]));
    }

    [Fact]
    public void AReversal_IsTheExactOpposite_AndTheTwoCancelOut()
    {
        var fee = FundingKit.WithId(LedgerTransaction.Transfer(1, 7, null, LedgerTransactionKind.PlatformFee, "fee:7", LedgerAccount.Escrow(7), LedgerAccount.PlatformFees, 12_34, Now), 40);

        var reversal = fee.Reverse("fee:7:reversal", Now);

        Assert.Equal(LedgerTransactionKind.Reversal, reversal.Kind);
        Assert.Equal(40, reversal.ReversesTransactionId);
        var balances = fee.Lines.Concat(reversal.Lines).GroupBy(l => l.Account).ToDictionary(g => g.Key, g => g.Sum(l => l.AmountCents));
        Assert.All(balances.Values, b => Assert.Equal(0, b));
    }
}
