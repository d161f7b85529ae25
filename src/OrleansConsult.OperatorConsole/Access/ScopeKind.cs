namespace OrleansConsult.OperatorConsole.Access;

public enum ScopeKind { Tenant, Pool }
