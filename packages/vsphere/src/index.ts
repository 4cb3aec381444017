// Speaking to vCenter and ESXi: the vim25 SOAP client and the XML reader it parses responses with,
// shared by the BFF's inventory and the embedded cluster's vddk DataVolume source.
export * from './soap-client.ts';
export * from './xml.ts';
export * from './tls.ts';
export * from './properties.ts';
export * from './tasks.ts';
