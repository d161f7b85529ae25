namespace OrleansConsult.Line.Webhook;

public enum SourceKind { User, Group, Room, Unknown }
