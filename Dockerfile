# Forklift Console image: the BFF serving the standalone shell at / and the OpenShift console plugin
# at /plugin/. Three stages so that the runtime image carries neither the build toolchain (webpack,
# Vite, TypeScript, Playwright) nor the npm cache.
#
#   docker build -t quay.io/forklift-console/forklift-console:latest .
#   docker run --rm -p 9000:9000 quay.io/forklift-console/forklift-console:latest
#
# Without a kubeconfig or a service account the BFF starts its embedded API server and seeds sample
# resources into DATA_DIR, so `docker run` alone gives a working demo.

# ---- build: the UI bundles -------------------------------------------------------------------
FROM node:24-bookworm-slim AS build
WORKDIR /src

# Manifests first: the npm ci layer is then reused until a dependency changes, not on every edit.
COPY package.json package-lock.json ./
COPY packages/api/package.json packages/api/
COPY packages/controller-runtime/package.json packages/controller-runtime/
COPY packages/vsphere/package.json packages/vsphere/
COPY apps/bff/package.json apps/bff/
COPY apps/embedded-cluster/package.json apps/embedded-cluster/
COPY apps/console-plugin/package.json apps/console-plugin/
COPY apps/console-shell/package.json apps/console-shell/
# Install scripts stay on: the only package with one is the `node` devDependency, whose preinstall
# fetches the Node 24 binary that npm scripts put first on PATH. Without it node_modules/.bin/node
# would point at nothing.
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build

# ---- prod-deps: only what the BFF imports at run time ----------------------------------------
# Pruning the build stage instead (`npm prune --omit=dev`) would keep every workspace's
# dependencies, React and PatternFly included, which only the browser bundles need and which are
# already inside dist. Installing the two workspaces the BFF runs from keeps them out. The api
# workspace must be named too: the BFF imports @forklift-console/api through the workspace
# symlink in node_modules, which npm only creates for selected workspaces; so must the controller
# runtime, the vSphere client and the embedded cluster, which the BFF starts when no cluster is
# configured. --omit=dev also drops the `node` package: the base image's Node 24 runs the BFF.
FROM node:24-bookworm-slim AS prod-deps
WORKDIR /src
COPY package.json package-lock.json ./
COPY packages/api/package.json packages/api/
COPY packages/controller-runtime/package.json packages/controller-runtime/
COPY packages/vsphere/package.json packages/vsphere/
COPY apps/bff/package.json apps/bff/
COPY apps/embedded-cluster/package.json apps/embedded-cluster/
COPY apps/console-plugin/package.json apps/console-plugin/
COPY apps/console-shell/package.json apps/console-shell/
RUN npm ci --omit=dev --workspace @forklift-console/bff --workspace @forklift-console/api \
    --workspace @forklift-console/controller-runtime --workspace @forklift-console/vsphere \
    --workspace @forklift-console/embedded-cluster --no-audit --no-fund

# ---- runtime ---------------------------------------------------------------------------------
FROM node:24-bookworm-slim
WORKDIR /opt/forklift-console

# NODE_ENV for the libraries that look at it; HOST 0.0.0.0 because the BFF's default (loopback)
# is unreachable from outside the container; DATA_DIR outside the application tree so that a
# volume can be mounted there and the code itself stays read-only. Run outside a cluster, the
# container still asks for its access token: open the link it logs at start, and name the host you
# browse it by in ALLOWED_HOSTS (any other Host header is refused). --no-auth is refused here.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=9000 \
    DATA_DIR=/var/lib/forklift-console

# Same layout as the repository: the BFF finds the bundles and the CRDs relative to its own
# source files. Node 24 strips the TypeScript types as it loads them, so the sources are what runs.
# Everything stays owned by root, hence not writable by the user the process runs as.
COPY --from=prod-deps /src/node_modules node_modules
COPY package.json ./
COPY packages/api/package.json packages/api/
COPY packages/api/src packages/api/src
COPY packages/controller-runtime/package.json packages/controller-runtime/
COPY packages/controller-runtime/src packages/controller-runtime/src
COPY packages/vsphere/package.json packages/vsphere/
COPY packages/vsphere/src packages/vsphere/src
COPY apps/bff/package.json apps/bff/
COPY apps/bff/src apps/bff/src
COPY apps/embedded-cluster/package.json apps/embedded-cluster/
COPY apps/embedded-cluster/src apps/embedded-cluster/src
COPY deploy/crds/forklift deploy/crds/forklift
COPY --from=build /src/apps/console-plugin/dist apps/console-plugin/dist
COPY --from=build /src/apps/console-shell/dist apps/console-shell/dist

# Group 0 and group write because OpenShift runs the container as an arbitrary UID whose primary
# group is root; elsewhere the `node` user (1000) owns it.
RUN mkdir -p "$DATA_DIR" && chown 1000:0 "$DATA_DIR" && chmod 0770 "$DATA_DIR"

# The image's `node` user, by number so that Kubernetes can check runAsNonRoot without a passwd
# lookup.
USER 1000
EXPOSE 9000

# For plain `docker run`; Kubernetes ignores this and uses the Deployment's probes instead. Reads
# PORT at run time so that overriding it does not break the check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Exec form: node is PID 1 and receives SIGTERM itself; main.ts closes the server on it.
CMD ["node", "apps/bff/src/main.ts"]
