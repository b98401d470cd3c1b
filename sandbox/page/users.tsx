/** Whom the sandbox acts as, and the link to Mijn Wegwijs as that user. */
import { type User, userLabel } from './api.ts';

export function UserSwitcher(props: {
  users: User[];
  user: string | null;
  onSwitch: (email: string) => void;
}) {
  const { users, user, onSwitch } = props;
  return (
    <>
      <label class="field">
        Gebruiker
        <select
          data-testid="user-switcher"
          value={user ?? ''}
          onChange={(e) => onSwitch((e.target as HTMLSelectElement).value)}
        >
          {users.map((u) => (
            <option key={u.email} value={u.email}>
              {userLabel(u)}
            </option>
          ))}
        </select>
      </label>
      <a
        data-testid="open-mijn"
        href={`/mijn?user=${encodeURIComponent(user ?? '')}`}
        target="_blank"
        rel="noopener"
        title="De web-pagina voor nieuwe collega's en buddy's, als deze gebruiker"
      >
        Mijn Wegwijs ↗
      </a>
    </>
  );
}
