using System.Globalization;
using System.Text;
using CsvHelper;

namespace OrleansConsult.OperatorConsole.Audit;

/// <summary>The audit log as CSV for Excel in Japan: UTF-8 with BOM, Japanese headers, times in Asia/Tokyo, hashes included.</summary>
public static class AuditCsv
{
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static byte[] Write(IEnumerable<AuditRecord> records)
    {
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, Utf8WithBom, leaveOpen: true))
        using (var csv = CsvWriter.Create(text, null, leaveOpen: true))
        {
            csv.WriteRecord(["番号", "日時（日本時間）", "操作者", "操作", "自治体・プール", "対象", "変更前", "変更後", "前の行のハッシュ", "ハッシュ"]);
            foreach (var r in records)
            {
                csv.WriteRecord([
                    r.Seq.ToString(CultureInfo.InvariantCulture),
                    OrleansConsult.Tenancy.JapaneseCalendar.ToTokyo(r.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    r.Actor, r.Action, r.Tenant, r.Target, r.BeforeJson, r.AfterJson, r.PrevHash, r.Hash,
                ]);
            }
            csv.Flush();
        }
        return buffer.ToArray();
    }
}
