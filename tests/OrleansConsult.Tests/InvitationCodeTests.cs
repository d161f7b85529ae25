using OrleansConsult.Grains.Enrollment;

namespace OrleansConsult.Tests;

public sealed class InvitationCodeTests
{
    [Fact]
    public void A_new_code_is_four_groups_of_crockford_base32_and_codes_differ()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => InvitationCode.New()).ToList();
        Assert.All(codes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        // 16 characters of 32 symbols: 80 bits. Every symbol shows up over 3,200 draws.
        Assert.Equal(32, codes.SelectMany(c => c.Replace("-", "")).Distinct().Count());
    }

    [Theory]
    [InlineData("abcd-efgh-jkmn-pqrs")]
    [InlineData("ABCD EFGH JKMN PQRS")]
    [InlineData("ＡＢＣＤ－ＥＦＧＨ－ＪＫＭＮ－ＰＱＲＳ")]
    [InlineData(" ABCDEFGHJKMNPQRS\n")]
    public void What_she_types_is_read_as_the_code(string typed) =>
        Assert.Equal("ABCD-EFGH-JKMN-PQRS", InvitationCode.Normalize(typed));

    [Fact]
    public void O_reads_as_zero_and_i_or_l_as_one() =>
        Assert.Equal("0011-ABCD-EFGH-JKMN", InvitationCode.Normalize("oOiL-ABCD-EFGH-JKMN"));

    [Theory]
    [InlineData("TYM-4K7Q-9M2X")]          // a sample program code: too short
    [InlineData("ABCD-EFGH-JKMN-PQRSU")]   // U is not in the alphabet
    [InlineData("出勤")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_an_invitation_code(string? typed) => Assert.Null(InvitationCode.Normalize(typed));

    [Fact]
    public void Ids_are_told_apart_from_codes()
    {
        var id = InvitationCode.NewId();
        Assert.True(InvitationCode.IsId(id));
        Assert.False(InvitationCode.IsId(InvitationCode.New()));
        Assert.Null(InvitationCode.Normalize(id));
    }
}
