// Every message of the rules the plugin and the BFF share. The BFF sends them as they are; the
// plugin passes them to t(), so the i18n catalogue takes these keys from here.
import { CA_CERTIFICATE_MESSAGES } from './ca-certificate.ts';
import { NFS_SHARE_MESSAGES } from './nfs-share.ts';
import { CREDENTIAL_MESSAGES } from './provider-credentials.ts';
import { PROVIDER_URL_MESSAGES } from './provider-url.ts';
import { PLAN_START_MESSAGES } from './plan-start-rules.ts';

export const RULE_MESSAGES: readonly string[] = [
  ...new Set([
    ...Object.values(CA_CERTIFICATE_MESSAGES),
    ...Object.values(PROVIDER_URL_MESSAGES),
    ...Object.values(CREDENTIAL_MESSAGES),
    ...Object.values(NFS_SHARE_MESSAGES),
    ...Object.values(PLAN_START_MESSAGES),
  ]),
];
