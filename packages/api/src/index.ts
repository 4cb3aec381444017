export const GROUP: string = 'forklift.konveyor.io';
