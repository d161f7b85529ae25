namespace OrleansConsult.Abstractions;

[GenerateSerializer, Alias("oc.OfferAnswer")]
public enum OfferAnswer
{
    Assigned = 0,
    /// <summary>The offer ran out or the case went elsewhere.</summary>
    Gone = 1,
}
