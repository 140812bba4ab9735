import { ChangePasswordScreen } from './screens/auth/ChangePasswordScreen';
import { LockScreen } from './screens/auth/LockScreen';
import { LoginScreen } from './screens/auth/LoginScreen';
import { SetupScreen } from './screens/setup/SetupScreen';
import { useSession } from './session/SessionProvider';
import { DeskShell } from './shell/DeskShell';
import { ConnectionBanner } from './ui/ConnectionBanner';
import { Splash } from './ui/Splash';

function Screen() {
  const { phase } = useSession();
  switch (phase.kind) {
    case 'starting':
    case 'unreachable':
      return <Splash kind={phase.kind} />;
    case 'setup':
      return <SetupScreen />;
    case 'signedOut':
      return <LoginScreen />;
    case 'signedIn': {
      const { view } = phase;
      // The lock screen lies over whatever is there, which stays mounted underneath.
      return (
        <>
          {view.staff.mustChangePassword ? <ChangePasswordScreen view={view} /> : <DeskShell view={view} />}
          {view.locked ? <LockScreen view={view} /> : null}
        </>
      );
    }
  }
}

export function App() {
  return (
    <>
      <ConnectionBanner />
      <Screen />
    </>
  );
}
