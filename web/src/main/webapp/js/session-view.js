// The login form and the "logged in as" line, for a server with accounts (filedock.auth=required).
// A server without accounts answers /api/session with 404: then neither is ever shown.

import {api} from './api.js';
import {buildLoginForm} from './login-form.js';

export const UNAUTHORIZED = 401;
export const NO_ACCOUNTS = 404;

export class SessionView {
    /** onLogin: called once the user has logged in; onLogout: once the session has ended */
    constructor(onLogin, onLogout) {
        this.login = document.getElementById('login');
        this.form = buildLoginForm(this.login);
        this.error = document.getElementById('login-error');
        this.content = document.getElementById('content');
        this.account = document.getElementById('account');
        this.onLogin = onLogin;
        this.onLogout = onLogout;
        this.form.addEventListener('submit', event => {
            event.preventDefault();
            this.submit();
        });
        document.getElementById('logout').addEventListener('click', () => this.logout());
    }

    /**
     * Who is logged in decides what the page shows: the caller, or the login form (then false); a
     * server without accounts answers 404, and the content is shown without a name.
     */
    async begin() {
        try {
            this.showCaller(await api.session());
        } catch (e) {
            if (e.status === UNAUTHORIZED) {
                this.showLogin();
                return false;
            }
            this.content.hidden = false;
        }
        return true;
    }

    /** The login form instead of the figures (also when a session ends while the page is open). */
    showLogin(message = '') {
        this.content.hidden = true;
        this.account.hidden = true;
        document.getElementById('server-info').textContent = 'Log in to see the server and its transfers.';
        this.login.hidden = false;
        this.error.textContent = message;
        this.form.elements.password.value = '';
        this.form.elements.user.focus();
    }

    showCaller(caller) {
        this.login.hidden = true;
        this.content.hidden = false;
        document.getElementById('account-user').textContent = caller.admin ? `${caller.user} (administrator)` : caller.user;
        this.account.hidden = false;
    }

    async submit() {
        const form = new FormData(this.form);
        try {
            const caller = await api.login(form.get('user').trim(), form.get('password'));
            this.form.reset();
            this.showCaller(caller);
            this.onLogin();
        } catch (e) {
            this.showLogin(e.status === UNAUTHORIZED ? 'Wrong user or password.' : `Cannot log in: ${e.message}`);
        }
    }

    async logout() {
        try {
            await api.logout();
        } catch (e) {
            // the session may have ended already; the form is shown either way
        }
        this.onLogout();
        this.showLogin('Logged out.');
    }
}
