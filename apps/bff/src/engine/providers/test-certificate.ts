// For tests: the certificate a TLS server presents, as PEM — what a user pastes into `cacert`.
import { connect } from 'node:tls';
import { once } from 'node:events';

export const fetchCertificatePem = async (url: string): Promise<string> => {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port), rejectUnauthorized: false });
  await once(socket, 'secureConnect');
  const der = socket.getPeerCertificate(true).raw;
  socket.destroy();
  const base64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`;
};
