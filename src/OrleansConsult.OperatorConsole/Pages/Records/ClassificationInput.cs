using OrleansConsult.Grains.Records;
using OrleansConsult.Abstractions.Records;

namespace OrleansConsult.OperatorConsole.Pages.Records;

/// <summary>The classification form's fields; values outside the tenant's lists are dropped, not stored.</summary>
public sealed class ClassificationInput
{
    public List<string> Topics { get; set; } = [];
    public string? AgeBand { get; set; }
    public string? PregnancyWeeks { get; set; }
    public List<string> Actions { get; set; } = [];

    /// <summary>The lists the form offers: the case's tenant's (set by the page, never bound from the form).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public CaseRecordLists Lists { get; set; } = RecordListsInUse.Default;

    public CaseClassification ToClassification(CaseRecordLists lists) => new(
        Topics.Where(lists.Topics.Contains).Distinct().ToList(),
        lists.AgeBands.Contains(AgeBand ?? "") ? AgeBand : null,
        lists.PregnancyWeeks.Contains(PregnancyWeeks ?? "") ? PregnancyWeeks : null,
        Actions.Where(lists.Actions.Contains).Distinct().ToList());

    public static ClassificationInput From(CaseClassification? classification) => classification is null ? new() : new()
    {
        Topics = [.. classification.Topics], AgeBand = classification.AgeBand,
        PregnancyWeeks = classification.PregnancyWeeks, Actions = [.. classification.Actions],
    };
}
