# Multi-stage build of the Host (silo + web front end). Runs as the non-root "app" user (1654).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props global.json OrleansConsult.sln ./
COPY src/ src/
RUN dotnet publish src/OrleansConsult.Host/OrleansConsult.Host.csproj -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_gcServer=1
EXPOSE 8080 11111 30000
USER 1654
ENTRYPOINT ["dotnet", "OrleansConsult.Host.dll"]
