import type { Plan } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { settingValue, type PlanSettingKey } from '../utils/plan-settings.ts';

export type PlanSettingText = {
  label: string;
  /** The modal's title. */
  editTitle: string;
  /** What the modal explains under its title, e.g. the template variables. */
  help?: string;
};

/** Each setting's label, modal title and help, and how its current value reads. */
export const usePlanSettingTexts = () => {
  const { t } = useForkliftTranslation();
  const texts: Record<PlanSettingKey, PlanSettingText> = {
    description: { label: t('Description'), editTitle: t('Edit description') },
    targetNamespace: {
      label: t('Target project'),
      editTitle: t('Edit migration plan target project'),
    },
    type: { label: t('Migration type'), editTitle: t('Edit migration type') },
    targetPowerState: {
      label: t('VM target power state'),
      editTitle: t('Edit VM target power state'),
    },
    transferNetwork: { label: t('Transfer network'), editTitle: t('Edit transfer network') },
    preserveStaticIPs: {
      label: t('Preserve static IPs'),
      editTitle: t('Edit preserve static IPs'),
    },
    rootDisk: {
      label: t('Root device'),
      editTitle: t('Edit root device'),
      help: t('The boot disk of every VM, e.g. /dev/sda; empty lets the conversion find it.'),
    },
    diskDecryption: { label: t('Disk decryption'), editTitle: t('Edit disk decryption') },
    migrateSharedDisks: {
      label: t('Shared disks'),
      editTitle: t('Edit shared disks'),
      help: t('Migrating shared disks may slow down the migration process.'),
    },
    pvcNameTemplate: {
      label: t('PVC name template'),
      editTitle: t('Edit PVC name template'),
      help: t(
        'Variables: {{.VmName}}, {{.PlanName}}, {{.DiskIndex}}, {{.RootDiskIndex}}, {{.Shared}}, {{.WinDriveLetter}}, {{.FileName}}. Empty uses the default.',
      ),
    },
    volumeNameTemplate: {
      label: t('Volume name template'),
      editTitle: t('Edit volume name template'),
      help: t('Variables: {{.PVCName}}, {{.VolumeIndex}}. Empty uses the default.'),
    },
    networkNameTemplate: {
      label: t('Network name template'),
      editTitle: t('Edit network name template'),
      help: t(
        'Variables: {{.NetworkName}}, {{.NetworkNamespace}}, {{.NetworkType}}, {{.NetworkIndex}}. Empty uses the default.',
      ),
    },
    preserveClusterCpuModel: {
      label: t('Preserve CPU model'),
      editTitle: t('Edit preserve CPU model'),
      help: t('Preserve the CPU model and flags the VM runs with in its oVirt cluster'),
    },
    xfsCompatibility: {
      label: t('XFS v4 compatibility'),
      editTitle: t('Edit XFS v4 compatibility'),
    },
    skipGuestConversion: {
      label: t('Skip guest conversion'),
      editTitle: t('Edit guest conversion mode'),
    },
    useCompatibilityMode: {
      label: t('Use compatibility mode'),
      editTitle: t('Edit compatibility mode'),
      help: t('Only applies when guest conversion is skipped: SATA disks, e1000e NIC, USB tablet.'),
    },
    targetLabels: {
      label: t('VM target labels'),
      editTitle: t('Edit VM target labels'),
      help: t('One key=value per line.'),
    },
    targetNodeSelector: {
      label: t('VM target node selector'),
      editTitle: t('Edit VM target node selector'),
      help: t('One key=value per line.'),
    },
    convertorLabels: {
      label: t('Convertor pod labels'),
      editTitle: t('Edit convertor pod labels'),
      help: t('One key=value per line.'),
    },
    convertorNodeSelector: {
      label: t('Convertor pod node selector'),
      editTitle: t('Edit convertor pod node selector'),
      help: t('One key=value per line.'),
    },
  };

  const display = (plan: Plan, key: PlanSettingKey): string => {
    const value = settingValue(plan, key);
    switch (value.kind) {
      case 'switch':
        return value.on ? t('Yes') : t('No');
      case 'keyValues':
        return value.text ? value.text.split('\n').join(', ') : t('None');
      case 'transferNetwork':
        return value.ref || t('Pod network (default)');
      case 'diskDecryption':
        if (value.nbde) return t('NBDE (Clevis)');
        return value.secretName
          ? t('LUKS keys in Secret {{name}}', { name: value.secretName })
          : t('None');
      case 'text':
        if (key === 'targetPowerState' && !value.text) return t('Retain source VM power state');
        return value.text || t('Default');
    }
  };

  return { texts, display };
};
