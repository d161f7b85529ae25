namespace OrleansConsult.Abstractions;

/// <summary>A staff LINE user's own menu (key: her staff line key), taken away when an operator ends her binding.</summary>
[Alias("oc.IStaffRichMenuLink")]
public interface IStaffRichMenuLink : IGrainWithStringKey
{
    [Alias("UnlinkRichMenu")]
    Task UnlinkRichMenuAsync();
}
