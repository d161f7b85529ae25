namespace OrleansConsult.Abstractions;

[GenerateSerializer, Alias("oc.EnrollResult")]
public enum EnrollResult
{
    Enrolled = 0,
    AlreadyYours = 1,
    Refused = 2,
}
