// The vSphere Web Services API (vim25) over SOAP: envelopes out, parsed XML back, the session
// cookie kept between calls. The inventory collector builds on this; it has no vSphere SDK to lean
// on in Node, and the protocol is small enough to speak directly.
import { Agent, fetch, type Dispatcher } from 'undici';
import { parseXml, type XmlNode } from './xml.ts';
import { pinnedConnector } from './tls.ts';

const VIM_VERSION = '8.0';

/** A SOAP fault from vCenter/ESXi; `kind` is the vim25 fault type, e.g. InvalidLogin. */
export class VsphereFault extends Error {
  readonly kind: string;

  constructor(kind: string, message: string) {
    super(message);
    this.kind = kind;
  }
}

export type ManagedObjectReference = { type: string; value: string };

export type ServiceContent = {
  rootFolder: ManagedObjectReference;
  propertyCollector: ManagedObjectReference;
  sessionManager: ManagedObjectReference;
  viewManager: ManagedObjectReference;
  searchIndex: ManagedObjectReference;
  about: {
    fullName: string;
    apiType: string;
    apiVersion: string;
    licenseProductName: string;
    instanceUuid?: string;
  };
};

const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!,
  );

/** `<name type="T">value</name>`: how vim25 passes a managed object reference. */
export const moRefXml = (name: string, ref: ManagedObjectReference) =>
  `<${name} type="${escapeXml(ref.type)}">${escapeXml(ref.value)}</${name}>`;

export const textXml = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;

// These repeat; one occurrence must still come back as a list.
const ALWAYS_ARRAY = new Set([
  'objects',
  'propSet',
  'returnval',
  'ManagedObjectReference',
  'VirtualDevice',
  'OptionValue',
  'filterSet',
  'objectSet',
  'changeSet',
]);

export type { XmlNode };

/** A parsed `<x type="T">v</x>` back into a reference. */
export const toMoRef = (node: unknown): ManagedObjectReference => {
  const element = node as XmlNode;
  return { type: String(element['@_type'] ?? ''), value: String(element['#text'] ?? '') };
};

/**
 * How to trust the endpoint's certificate: a PEM bundle (the provider Secret's `cacert`), the
 * system's trust store when none is given, or no verification at all (`insecureSkipVerify`).
 * A `thumbprint` (SHA-1, as VDDK takes it) pins the certificate instead and wins over the rest.
 */
export type TlsOptions = { ca?: string; insecureSkipVerify?: boolean; thumbprint?: string };

/** The HTTP agent that trusts as `tls` says; for the SOAP client and for datastore downloads. */
export const dispatcherFor = ({ ca, insecureSkipVerify, thumbprint }: TlsOptions): Dispatcher =>
  new Agent({
    connect: thumbprint
      ? pinnedConnector(thumbprint)
      : { ...(ca ? { ca } : {}), rejectUnauthorized: !insecureSkipVerify },
  });

export const createSoapClient = (sdkUrl: string, tls: TlsOptions = {}) => {
  let sessionCookie: string | undefined;
  const dispatcher = dispatcherFor(tls);

  const call = async (method: string, body: string): Promise<XmlNode> => {
    const envelope =
      '<?xml version="1.0" encoding="UTF-8"?>' +
      '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="urn:vim25">' +
      `<soapenv:Body><${method}>${body}</${method}></soapenv:Body></soapenv:Envelope>`;
    // Network and TLS failures surface as "fetch failed"; the cause says what really happened
    // (refused, unknown host, self-signed certificate…), which is what a user needs to read.
    const response = await fetch(sdkUrl, {
      dispatcher,
      method: 'POST',
      headers: {
        'content-type': 'text/xml; charset=utf-8',
        soapaction: `urn:vim25/${VIM_VERSION}`,
        ...(sessionCookie ? { cookie: sessionCookie } : {}),
      },
      body: envelope,
    }).catch((error: Error & { cause?: Error }) => {
      throw new VsphereFault('Connection', `${sdkUrl}: ${error.cause?.message ?? error.message}`);
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) sessionCookie = setCookie.split(';')[0];
    const text = await response.text();
    let parsed: XmlNode;
    try {
      parsed = parseXml(text, ALWAYS_ARRAY);
    } catch (error) {
      throw new VsphereFault(
        'InvalidResponse',
        `${sdkUrl} did not answer with a SOAP envelope (${(error as Error).message})`,
      );
    }
    const soapBody = (parsed.Envelope as XmlNode | undefined)?.Body as XmlNode | undefined;
    if (!soapBody) {
      throw new VsphereFault('InvalidResponse', `${sdkUrl} did not answer with a SOAP envelope`);
    }
    const fault = soapBody.Fault as XmlNode | undefined;
    if (fault) {
      const detail = (fault.detail ?? {}) as XmlNode;
      const faultElement = Object.keys(detail).find((key) => !key.startsWith('@_'));
      const kind = faultElement ? faultElement.replace(/Fault$/, '') : 'Unknown';
      throw new VsphereFault(kind, String(fault.faultstring ?? 'vSphere fault'));
    }
    return (soapBody[`${method}Response`] ?? {}) as XmlNode;
  };

  const serviceInstance = { type: 'ServiceInstance', value: 'ServiceInstance' };
  let content: ServiceContent | undefined;

  const serviceContent = async (): Promise<ServiceContent> => {
    if (content) return content;
    const response = await call('RetrieveServiceContent', moRefXml('_this', serviceInstance));
    const value = (response.returnval as XmlNode[])[0]!;
    const about = value.about as XmlNode;
    content = {
      rootFolder: toMoRef(value.rootFolder),
      propertyCollector: toMoRef(value.propertyCollector),
      sessionManager: toMoRef(value.sessionManager),
      viewManager: toMoRef(value.viewManager),
      searchIndex: toMoRef(value.searchIndex),
      about: {
        fullName: String(about.fullName ?? ''),
        apiType: String(about.apiType ?? ''),
        apiVersion: String(about.apiVersion ?? ''),
        licenseProductName: String(about.licenseProductName ?? ''),
        ...(about.instanceUuid ? { instanceUuid: String(about.instanceUuid) } : {}),
      },
    };
    return content;
  };

  return {
    call,
    serviceContent,
    /** Opens a session; a wrong user or password is a VsphereFault of kind InvalidLogin. */
    async login(username: string, password: string): Promise<{ userName: string }> {
      const { sessionManager } = await serviceContent();
      const response = await call(
        'Login',
        moRefXml('_this', sessionManager) +
          textXml('userName', username) +
          textXml('password', password),
      );
      return { userName: String((response.returnval as XmlNode[])[0]?.userName ?? '') };
    },
    async logout(): Promise<void> {
      if (!sessionCookie) return;
      const { sessionManager } = await serviceContent();
      await call('Logout', moRefXml('_this', sessionManager));
      sessionCookie = undefined;
    },
    /**
     * The `vmware_soap_session=…` cookie of this client's session: once `login` succeeded, other
     * HTTP interfaces of the server (the datastore's /folder) accept it as the login.
     */
    sessionCookie: () => sessionCookie,
    /** Releases the connections; the client cannot be used afterwards. */
    close: () => dispatcher.close(),
  };
};

export type SoapClient = ReturnType<typeof createSoapClient>;
