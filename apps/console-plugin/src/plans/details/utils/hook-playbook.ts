// Hook.spec.playbook is base64 (Forklift decodes it into the hook runner); the page shows and
// edits it as the YAML the user wrote, UTF-8 included.

export const encodePlaybook = (yamlText: string): string => {
  let binary = '';
  for (const byte of new TextEncoder().encode(yamlText)) binary += String.fromCharCode(byte);
  return btoa(binary);
};

/** The playbook as text, or undefined when it is not base64 (the Hook is then InvalidPlaybook). */
export const decodePlaybook = (base64: string): string | undefined => {
  try {
    const binary = atob(base64);
    return new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(binary, (char) => char.charCodeAt(0)),
    );
  } catch {
    return undefined;
  }
};
