/**
 * The consent badge in the patient card header (front-desk guide: green active, amber
 * awaiting signature, red none or withdrawn, grey blocked). Owned by the consent UI work.
 * `refreshKey` changes when the card wants the badge to reload.
 */
export interface ConsentBadgeProps {
  patientId: string;
  refreshKey?: number;
}

export function ConsentBadge(_props: ConsentBadgeProps) {
  return null;
}
