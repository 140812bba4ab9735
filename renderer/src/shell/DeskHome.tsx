import { Desk } from '../desk/Desk';

/**
 * The receptionist's main screen: patient search, registration, the patient card
 * (renderer/src/desk). `active` is false while another tab is shown or the desk is locked:
 * the desk then neither takes the focus nor listens for the scanner.
 */
export function DeskHome({ active }: { active: boolean }) {
  return (
    <section className="desk-home">
      <Desk active={active} />
    </section>
  );
}
