# syntax=docker/dockerfile:1
# Kommentar in a container: the first stage builds and packs the package exactly as
# `npm pack` does for the registry; the second installs that tarball with production
# dependencies only, so the image holds no sources, tests or dev tools.
# test/package/pack-install.test.ts runs these install and start steps without Docker.

FROM node:20-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# prepack builds dist/; the tarball gets a fixed name for the next stage.
RUN npm pack --pack-destination /tmp && mv /tmp/kommentar-*.tgz /tmp/kommentar.tgz

FROM node:20-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8787 \
    KOMMENTAR_DATA_DIR=/data \
    PATH=/app/node_modules/.bin:$PATH
WORKDIR /app
COPY --from=build /tmp/kommentar.tgz /tmp/kommentar.tgz
RUN echo '{"name":"kommentar-app","private":true}' > package.json \
 && npm install --omit=dev --no-audit --no-fund /tmp/kommentar.tgz \
 && rm /tmp/kommentar.tgz && npm cache clean --force \
 && mkdir -p /data && chown node:node /data
# The database, its secret and the config file (./kommentar.config.json is looked up here) live in /data.
WORKDIR /data
VOLUME /data
USER node
EXPOSE 8787
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 8787) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["kommentar", "serve"]
