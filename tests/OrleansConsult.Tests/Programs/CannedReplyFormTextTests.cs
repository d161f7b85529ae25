using OrleansConsult.OperatorConsole.ProgramEditing;

namespace OrleansConsult.Tests.Programs;

/// <summary>The console's 定型文 field: blocks of a title line and text lines, separated by "---", to program JSON and back.</summary>
public sealed class CannedReplyFormTextTests
{
    [Fact]
    public void Blocks_with_several_lines_of_text_round_trip()
    {
        var errors = new List<string>();
        var replies = ProgramFormText.ParseCannedReplies("あいさつ\nご相談ありがとうございます。\n\n話せるところから教えてください。\n---\n電話窓口\n{phones}\n", "定型文", errors);
        Assert.Empty(errors);
        Assert.Equal(2, replies.Count);
        Assert.Equal("あいさつ", replies[0]!["Title"]!.GetValue<string>());
        Assert.Equal("ご相談ありがとうございます。\n\n話せるところから教えてください。", replies[0]!["Text"]!.GetValue<string>());
        Assert.Equal("{phones}", replies[1]!["Text"]!.GetValue<string>());

        var text = ProgramFormText.CannedReplies(replies);
        Assert.Equal("あいさつ\nご相談ありがとうございます。\n\n話せるところから教えてください。\n---\n電話窓口\n{phones}", text);
        Assert.Equal(replies.ToJsonString(), ProgramFormText.ParseCannedReplies(text, "定型文", []).ToJsonString());
    }

    [Fact]
    public void A_title_without_text_is_named_by_its_line_and_nothing_else_is_lost()
    {
        var errors = new List<string>();
        var replies = ProgramFormText.ParseCannedReplies("あいさつ\nこんにちは\n---\n\n題名だけ\n---\n終わり\nまたね", "定型文", errors);
        Assert.Equal(["定型文 5行目「題名だけ」: 題名の次の行から本文を書いてください（定型文は「---」の行で区切ります）"], errors);
        Assert.Equal(["あいさつ", "終わり"], replies.Select(r => r!["Title"]!.GetValue<string>()));
        Assert.Empty(ProgramFormText.ParseCannedReplies("  \n---\n", "定型文", errors = []));
        Assert.Empty(errors);
    }
}
