using System.Text.Json.Nodes;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Tenancy.Tests;

/// <summary>定型文 in the program: the tenant's own and the national ones, checked against LINE's limits.</summary>
public class CannedReplyLoaderTests
{
    [Fact]
    public void Without_settings_the_tenant_has_none_and_the_national_defaults_apply()
    {
        var program = ProgramConfigurationLoader.FromJson(Program().ToJsonString());
        var tenant = program.Tenants.Single();
        Assert.Empty(tenant.CannedReplies);
        Assert.Equal(CannedReply.NationalDefaults, program.CannedReplies);
        Assert.Equal(4, program.CannedReplies.Count);
        Assert.All(program.CannedReplies, c => Assert.InRange(c.Title.Length, 1, CannedReply.MaxTitleLength));
        Assert.Equal(program.CannedReplies.Select(c => c.Title), program.CannedRepliesFor(tenant).Select(c => c.Title));
    }

    [Fact]
    public void The_tenants_own_come_first_and_replace_a_national_one_of_the_same_title()
    {
        var json = Program(
            tenantReplies: new JsonArray(Reply("あいさつ", "富山県の相談窓口です。"), Reply("受診の費用", "{area}では妊婦健診の助成があります。")),
            nationalReplies: new JsonArray(Reply("あいさつ", "こんにちは。"), Reply("終わりのあいさつ", "ありがとうございました。")));
        var program = ProgramConfigurationLoader.FromJson(json.ToJsonString());
        var tenant = program.Tenants.Single();

        Assert.Equal(["あいさつ", "受診の費用"], tenant.CannedReplies.Select(c => c.Title));
        Assert.Equal(["あいさつ", "終わりのあいさつ"], program.CannedReplies.Select(c => c.Title));
        var forCase = program.CannedRepliesFor(tenant);
        Assert.Equal(["あいさつ", "受診の費用", "終わりのあいさつ"], forCase.Select(c => c.Title));
        Assert.Equal("富山県の相談窓口です。", forCase[0].Text);
        Assert.Equal("{area}では妊婦健診の助成があります。", forCase[1].Text); // filled per case, not at load
    }

    [Fact]
    public void A_title_longer_than_a_quick_reply_label_or_a_text_longer_than_a_message_is_refused()
    {
        var json = Program(tenantReplies: new JsonArray(
            Reply(new string('あ', 21), "本文"),
            Reply("長い本文", new string('い', 5001)),
            Reply("ちょうど", new string('う', 5000)),
            Reply(new string('え', 20), "題名は20文字まで")));
        var error = Assert.Throws<ProgramConfigurationException>(() => ProgramConfigurationLoader.FromJson(json.ToJsonString()));
        Assert.Equal(
        [
            "Program:Tenants:toyama:CannedReplies:0:Title is longer than 20 characters (a LINE quick-reply label)",
            "Program:Tenants:toyama:CannedReplies:1:Text is longer than 5000 characters (one LINE message)",
        ], error.Errors);
        Assert.Equal("自治体「toyama」 › 定型文 1件目 › 題名 は20文字以内にしてください", ProgramErrorsInJapanese.Translate(error.Errors[0]));
    }

    [Fact]
    public void A_missing_title_or_text_and_a_repeated_title_are_refused_in_the_national_list_too()
    {
        var json = Program(
            tenantReplies: new JsonArray(Reply("あいさつ", "一つ目"), Reply("あいさつ", "二つ目")),
            nationalReplies: new JsonArray(new JsonObject { ["Title"] = "題名だけ" }, new JsonObject { ["Text"] = "本文だけ" }));
        var error = Assert.Throws<ProgramConfigurationException>(() => ProgramConfigurationLoader.FromJson(json.ToJsonString()));
        Assert.Contains("Program:Tenants:toyama:CannedReplies:1:Title repeats the title 'あいさつ' (a counselor chooses by title)", error.Errors);
        Assert.Contains("Program:CannedReplies:0:Text is required", error.Errors);
        Assert.Contains("Program:CannedReplies:1:Title is required", error.Errors);
        Assert.Equal(3, error.Errors.Count);
        Assert.Contains("同じ定型文の中ですでに使われています",
            ProgramErrorsInJapanese.Translate(error.Errors.First(e => e.Contains("repeats", StringComparison.Ordinal))));
    }

    [Fact]
    public void The_sample_program_loads_with_its_canned_replies()
    {
        var program = ProgramConfigurationLoader.FromFile(Sample.Path);
        Assert.NotEmpty(program.CannedRepliesFor(program.FindTenant("toyama")));
    }

    private static JsonObject Reply(string title, string text) => new() { ["Title"] = title, ["Text"] = text };

    private static JsonObject Program(JsonArray? tenantReplies = null, JsonArray? nationalReplies = null)
    {
        var tenant = new JsonObject
        {
            ["DisplayName"] = "富山県",
            ["Kind"] = "Prefecture",
            ["EntryCode"] = "PR-TOYAMA",
            ["Areas"] = new JsonArray("富山県"),
            ["Hours"] = new JsonArray(new JsonObject { ["Days"] = new JsonArray("Tue", "Thu"), ["Start"] = "09:00", ["End"] = "13:00" }),
        };
        if (tenantReplies is not null)
        {
            tenant["CannedReplies"] = tenantReplies;
        }
        var program = new JsonObject { ["Tenants"] = new JsonObject { ["toyama"] = tenant } };
        if (nationalReplies is not null)
        {
            program["CannedReplies"] = nationalReplies;
        }
        return new JsonObject { ["Program"] = program };
    }
}
