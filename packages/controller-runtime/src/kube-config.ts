// client-node gives every API call a new https.Agent, so every call opens a new TLS connection:
// a full handshake on both sides and the CA, certificate and key parsed again. Measured on a cold
// migration of four VMs, that was a tenth of the app's CPU and most of its memory churn. This
// KubeConfig hands every call with the same TLS settings one shared keep-alive agent instead. A
// bearer token or basic credentials travel in each request's headers, so callers with different
// tokens may share a connection; a client certificate belongs to the connection, so it is part of
// what tells agents apart.
import { createHash } from 'node:crypto';
import https from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';

type RequestContext = Parameters<KubeConfig['applySecurityAuthentication']>[0];

/**
 * Idle connections are closed before Node's HTTP server would close them (its keep-alive timeout
 * is 5 s), so a request never goes out on a socket the server is closing.
 */
const IDLE_SOCKET_MS = 4_000;
/** Distinct TLS settings kept at once; more than a BFF meets (its cluster, a few remote ones). */
const MAX_AGENTS = 32;

const agents = new Map<string, https.Agent>();

const TLS_SETTINGS = [
  'ca',
  'cert',
  'key',
  'pfx',
  'passphrase',
  'rejectUnauthorized',
  'servername',
] as const;

/** A digest of the TLS settings, so the map's keys hold no key material. */
const settingsKey = (options: https.AgentOptions) => {
  const hash = createHash('sha256');
  for (const name of TLS_SETTINGS) {
    const value = options[name];
    hash.update(`${name}=`);
    if (Buffer.isBuffer(value)) hash.update(value);
    else hash.update(JSON.stringify(value ?? null));
    hash.update('\0');
  }
  return hash.digest('hex');
};

/** The shared keep-alive agent for these TLS settings. */
export const sharedAgent = (options: https.AgentOptions): https.Agent => {
  const key = settingsKey(options);
  const known = agents.get(key);
  if (known) return known;
  // The oldest goes: its open connections finish their requests and close when idle.
  if (agents.size >= MAX_AGENTS) agents.delete(agents.keys().next().value!);
  const agent = new https.Agent({ ...options, keepAlive: true, timeout: IDLE_SOCKET_MS });
  agents.set(key, agent);
  return agent;
};

export class PooledKubeConfig extends KubeConfig {
  override async applySecurityAuthentication(context: RequestContext): Promise<void> {
    await super.applySecurityAuthentication(context);
    const agent = context.getAgent();
    // A proxy's agent is left as client-node made it.
    if (agent?.constructor === https.Agent) {
      context.setAgent(sharedAgent((agent as https.Agent).options));
    }
  }
}
