# Multi-stage build of the Host (silo + web front end). Runs as the non-root "app" user (1654).
# Base images are pinned to a release (SDK 10.0.401 ships runtime 10.0.12, the same pair CI builds
# with); bump both together, deliberately, when a .NET patch comes out.
FROM mcr.microsoft.com/dotnet/sdk:10.0.401-noble AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props global.json OrleansConsult.sln ./
COPY src/ src/
RUN dotnet publish src/OrleansConsult.Host/OrleansConsult.Host.csproj -c Release -o /app --no-self-contained

# Ubuntu 24.04 (noble), not chiseled: the pod's preStop pause runs /bin/sleep.
FROM mcr.microsoft.com/dotnet/aspnet:10.0.12-noble AS runtime
WORKDIR /app
COPY --from=build /app ./
# A Japanese font for the rich menu images the Host draws at start (Line:RichMenus:FontPath to use another).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk && rm -rf /var/lib/apt/lists/*
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_gcServer=1
# 8080 public (webhooks, health), 9090 management (metrics, dashboard), 11111 silo, 30000 gateway.
EXPOSE 8080 9090 11111 30000
USER 1654
ENTRYPOINT ["dotnet", "OrleansConsult.Host.dll"]
