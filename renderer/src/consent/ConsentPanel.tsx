/**
 * The consents section of the patient card: status, the three-step capture flow, printing,
 * signature, withdrawal. Owned by the consent UI work; the patient card only mounts it.
 * `onChanged` lets the card refresh its header badge after a consent changes.
 */
export interface ConsentPanelProps {
  patientId: string;
  onChanged?: () => void;
}

export function ConsentPanel(_props: ConsentPanelProps) {
  return null;
}
