/** The users to act as, the chosen one (remembered in the browser), and the menu onOpen built for them. */
import { useCallback, useRef, useState } from 'preact/hooks';
import { api, type Menu, USER_KEY, type User } from './api.ts';

export function useUsers(showError: (prefix: string, error: unknown) => void) {
  const [users, setUsers] = useState<User[]>([]);
  const [user, setUser] = useState<string | null>(null);
  /** The acting user, read at each call (the bridge and the menu use it). */
  const userRef = useRef<string>('');
  const [menus, setMenus] = useState<Menu[]>([]);

  const loadUsers = useCallback(async () => {
    const data = await api<{ users: User[] }>('GET', '/api/users');
    setUsers(data.users);
    return data.users;
  }, []);

  const loadMenu = useCallback(
    async (email: string) => {
      try {
        const data = await api<{ menus: Menu[] }>('POST', '/api/menu', undefined, email);
        setMenus(data.menus);
      } catch (error) {
        showError('Menu laden mislukt', error);
      }
    },
    [showError],
  );

  /** Acts as this user from now on, without remembering it (the first load). */
  const choose = useCallback((email: string) => {
    userRef.current = email;
    setUser(email);
  }, []);

  /** The user the switcher picks: remembered, with their menu. */
  const switchUser = async (email: string) => {
    choose(email);
    localStorage.setItem(USER_KEY, email);
    await loadMenu(email);
  };

  /** The remembered user when still listed, else the first. */
  const initialUser = (list: readonly User[]) => {
    const remembered = localStorage.getItem(USER_KEY);
    return list.find((u) => u.email === remembered)?.email ?? list[0]?.email ?? '';
  };

  return { users, user, userRef, menus, loadUsers, loadMenu, choose, switchUser, initialUser };
}
