# syntax=docker/dockerfile:1
# The monitor service: built with the .NET 10 SDK, run on the ASP.NET Core 10 runtime.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so a code change does not download the packages again.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Monitor/Monitor.csproj src/Monitor/
RUN dotnet restore src/Monitor/Monitor.csproj
COPY src/ src/
COPY sql/ sql/
RUN dotnet publish src/Monitor/Monitor.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# ScottPlot renders the digest charts with SkiaSharp: fontconfig and a font, or the text comes out blank.
# curl is for the health check.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libfontconfig1 fonts-dejavu-core curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# The sample feeds with their manifest, for the compose profile "demo" (entrypoint.sh demo); a production start never
# reads them.
COPY samples/feeds/ samples/feeds/
COPY --chmod=755 deploy/monitor/entrypoint.sh /usr/local/bin/monitor-entrypoint
ENV TZ=Europe/Amsterdam \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
# The non-root user of the .NET images.
USER $APP_UID
EXPOSE 5080
ENTRYPOINT ["/usr/local/bin/monitor-entrypoint"]
