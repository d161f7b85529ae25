using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OrleansConsult.OperatorConsole.Access;
using OrleansConsult.OperatorConsole.Accounts;
using OrleansConsult.OperatorConsole.Audit;
using OrleansConsult.OperatorConsole.Board;
using OrleansConsult.OperatorConsole.Identity;
using OrleansConsult.Storage;

namespace OrleansConsult.OperatorConsole.Hosting;

/// <summary>The Host's two calls: <see cref="AddOperatorConsole"/> and <see cref="MapOperatorConsole"/>.</summary>
public static class OperatorConsoleHosting
{
    /// <summary>Listener, Identity, cookies, policies, Razor Pages, the audit log and the console's services.</summary>
    public static WebApplicationBuilder AddOperatorConsole(this WebApplicationBuilder builder, StorageOptions storage)
    {
        var port = ConsolePort.Load(builder.Configuration);
        port.Listen(builder.WebHost);
        builder.Services.AddSingleton(port);
        builder.Services.AddSingleton<IStartupFilter, ConsoleForwardedHeaders>();
        // EF's per-command logs would flood the Host's log; warnings and errors still show.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // Japanese text as text in the HTML, not as numeric character references.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        AddConsoleServices(builder.Services, storage, ConsoleLinks.Load(builder.Configuration, port));

        // A deactivated account or a changed password ends open sessions within a minute. The
        // re-issued sign-in keeps "amr" (second factor passed), which the claims factory cannot know.
        builder.Services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = builder.Configuration.GetValue("Console:SessionCheckInterval", TimeSpan.FromMinutes(1));
            o.OnRefreshingPrincipal = context =>
            {
                if (context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    foreach (var amr in context.CurrentPrincipal?.FindAll("amr") ?? [])
                    {
                        identity.AddClaim(new System.Security.Claims.Claim(amr.Type, amr.Value));
                    }
                }
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthentication().AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "oc_console";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/Account/SignIn";
            o.LogoutPath = "/Account/SignOut";
            o.AccessDeniedPath = "/Account/Denied";
            o.ExpireTimeSpan = SessionLifetime.Idle;
            o.SlidingExpiration = true;
            // The API answers 401/403; pages go to the sign-in page.
            o.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
            o.Events.OnSigningIn = context =>
            {
                SessionLifetime.OnSigningIn(context, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async context =>
            {
                if (SessionLifetime.Expired(context.Properties, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
        });
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "oc_console_2fa";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddAuthorization(ConsolePolicies.Add);
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "oc_console_csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        builder.Services.AddDataProtection()
            .SetApplicationName("OrleansConsult")
            .PersistKeysToDbContext<ConsoleDbContext>();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>(sp =>
            new Microsoft.Extensions.Options.ConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o =>
                o.XmlEncryptor = new KeyRingXmlEncryptor(sp.GetRequiredService<PayloadProtector>())));

        builder.Services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/", ConsolePolicies.SignedIn);
                o.Conventions.AllowAnonymousToFolder("/Account");
                o.Conventions.AuthorizeFolder("/Accounts", ConsolePolicies.Administer);
                o.Conventions.AuthorizeFolder("/Staff", ConsolePolicies.Administer);
                o.Conventions.AuthorizeFolder("/Program", ConsolePolicies.Administer);
                o.Conventions.AuthorizeFolder("/Board", ConsolePolicies.LiveWork);
                o.Conventions.AuthorizeFolder("/Audit", ConsolePolicies.Audit);
                o.Conventions.AuthorizeFolder("/Records", ConsolePolicies.LiveWork);
            })
            .AddMvcOptions(o => o.Filters.Add<ScopePageFilter>())
            // Found from the entry assembly when the Host runs; a Host started in-process by tests has another
            // entry assembly, so the console's pages are added here unless they are in already (twice would be ambiguous).
            .ConfigureApplicationPartManager(manager =>
            {
                var assembly = typeof(OperatorConsoleHosting).Assembly;
                if (manager.ApplicationParts.Any(p => p.Name == assembly.GetName().Name))
                {
                    return;
                }
                foreach (var part in Microsoft.AspNetCore.Mvc.ApplicationParts.ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                {
                    manager.ApplicationParts.Add(part);
                }
            });
        return builder;
    }

    /// <summary>
    /// The console's services without the web parts, also used by the admin and audit commands.
    /// Features of the console (program, board) register their own services and <see cref="IConsoleEndpoints"/> here.
    /// </summary>
    public static IServiceCollection AddConsoleServices(IServiceCollection services, StorageOptions storage, ConsoleLinks links)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(storage);
        services.TryAddSingleton<Database>();
        services.AddSingleton(links);
        services.AddDbContext<ConsoleDbContext>(o =>
        {
            if (storage.Mode == StorageMode.PostgreSql)
            {
                o.UseNpgsql(storage.ConnectionString);
            }
            else
            {
                o.UseSqlite(storage.EffectiveConnectionString());
            }
        });
        services.AddIdentityCore<ConsoleUser>(o =>
            {
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version1;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                // Length over composition rules (NIST SP 800-63B): 12 characters, any kind.
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Tokens.AuthenticatorTokenProvider = TotpAuthenticator.ProviderName;
            })
            .AddEntityFrameworkStores<ConsoleDbContext>()
            .AddSignInManager<ConsoleSignInManager>()
            .AddClaimsPrincipalFactory<ConsoleClaimsFactory>()
            .AddTokenProvider<TotpAuthenticator>(TotpAuthenticator.ProviderName);

        services.AddSingleton<IConsoleAccess, ConsoleAccess>();
        services.AddSingleton<IConsoleEndpoints, OrleansConsult.OperatorConsole.Api.TenantEndpoints>();
        services.AddSingleton<IAuditLog, SqlAuditLog>();
        services.AddScoped<SetupLinks>();
        services.AddScoped<ConsoleAccounts>();
        services.AddScoped<ConsoleSignIn>();
        services.AddScoped<OrleansConsult.OperatorConsole.Staff.StaffEnrollmentConsole>();
        services.AddBoard();
        AddProgramEditing(services);
        AddCaseRecords(services);
        return services;
    }

    /// <summary>Program editing (Pages/Program): changes audited in the console's log, entry links and QR codes.</summary>
    private static void AddProgramEditing(IServiceCollection services)
    {
        services.AddSingleton<Grains.Programs.IProgramChangeAudit, ProgramEditing.ConsoleProgramChangeAudit>();
        services.AddSingleton<ProgramEditing.EntryLinks>();
        services.AddSingleton<IConsoleEndpoints, ProgramEditing.ProgramEndpoints>();
    }

    /// <summary>Case records and the monthly report (Pages/Records).</summary>
    private static void AddCaseRecords(IServiceCollection services)
    {
        services.TryAddSingleton<OrleansConsult.Storage.SqlCaseRecordStore>();
        services.TryAddSingleton<OrleansConsult.Abstractions.Records.ICaseRecordStore>(sp => sp.GetRequiredService<OrleansConsult.Storage.SqlCaseRecordStore>());
        services.TryAddSingleton<OrleansConsult.Storage.SqlCaseReport>();
        services.AddScoped<Records.CaseRecordsConsole>();
        services.AddScoped<Records.CaseTranscripts>();
        services.AddSingleton(sp => new Records.TranscriptGrants(
            sp.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddScoped<Records.CaseTimeline>();
        // Supervision: its steps in the audit log; an urgent referral to 警察/児童相談所 calls the supervisors.
        services.AddSingleton<Grains.Supervision.ISupervisionAudit, Supervision.ConsoleSupervisionAudit>();
        services.AddSingleton<Supervision.SupervisorReferralHook>();
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }

    /// <summary>Pages, assets and the /api group, all answering only on the console port.</summary>
    public static WebApplication MapOperatorConsole(this WebApplication app)
    {
        var port = app.Services.GetRequiredService<ConsolePort>();
        if (!port.Enabled)
        {
            return app;
        }
        ConsoleStatusPages.Use(app, port);
        ConsoleAssets.Map(app);
        app.MapRazorPages().Add(endpoint => endpoint.Metadata.Add(ConsoleEndpoint.Instance));
        var api = app.MapGroup("/api")
            .WithMetadata(ConsoleEndpoint.Instance)
            .RequireAuthorization(ConsolePolicies.SignedIn)
            .AddEndpointFilter<ScopeEndpointFilter>();
        foreach (var endpoints in app.Services.GetServices<IConsoleEndpoints>())
        {
            endpoints.Map(api);
        }
        return app;
    }
}
