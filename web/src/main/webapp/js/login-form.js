// The login form, made here once for every page into its empty <section id="login">: a heading,
// user and password fields, a submit button and the line for errors. Built with the DOM (no
// markup strings), as everything on these pages.

/** Fills the section with the form and returns the form (id "login-form", fields "user" and "password"). */
export function buildLoginForm(section) {
    const heading = element('h2', {id: 'login-heading'}, 'Log in');
    const form = element('form', {id: 'login-form'});
    form.append(
        field('User ', {name: 'user', autocomplete: 'username', required: ''}),
        field('Password ', {name: 'password', type: 'password', autocomplete: 'current-password', required: ''}),
        element('button', {type: 'submit'}, 'Log in'),
        element('p', {id: 'login-error', class: 'status error', role: 'alert'}));
    section.replaceChildren(heading, form);
    return form;
}

function field(label, attributes) {
    const wrapper = element('label', {}, label);
    wrapper.append(element('input', attributes));
    return wrapper;
}

function element(name, attributes, text) {
    const made = document.createElement(name);
    for (const [attribute, value] of Object.entries(attributes)) {
        made.setAttribute(attribute, value);
    }
    if (text !== undefined) {
        made.textContent = text;
    }
    return made;
}
