import { test, expect, ready, signIn, signOut, setLanguage, expectAccessible, membersTableReady, ADMIN } from './fixtures';
import { waitForMail, waitForAnyMail, linkPath, mailCount } from './mail';

// Each run (JavaScript off in French, then hydrated in English) uses its own mentee, so
// the two never meet; each run's invitation is accepted (then the relationship ended), so
// the hydrated run sees one more relationship. The mentor's language is the seed's, so
// their side accepts either.
const WORDS = {
  en: {
    invite: /^Invite/,
    inviteTitle: 'Send an invitation',
    message: 'Your message (required)',
    send: 'Send the invitation',
    sent: 'Your invitation was sent',
    pending: 'Waiting for an answer',
    sentList: 'Invitations you sent',
    established: 'Relationship established',
    stage2: 'You are currently at stage 2.',
    reason: 'Reason (optional; both of you will read it)',
    end: 'End the relationship',
    ended: 'The relationship has ended',
    completed: 'Relationship completed',
    search: 'Search',
  },
  fr: {
    invite: /^Inviter/,
    inviteTitle: 'Envoyer une invitation',
    message: 'Votre message (obligatoire)',
    send: "Envoyer l'invitation",
    sent: 'Votre invitation a été envoyée',
    pending: 'En attente de réponse',
    sentList: 'Invitations envoyées',
    established: 'Relation établie',
    stage2: "Vous êtes actuellement à l'étape 2.",
    reason: 'Raison (facultative ; vous la lirez tous les deux)',
    end: 'Mettre fin à la relation',
    ended: 'La relation a pris fin',
    completed: 'Relation terminée',
    search: 'Rechercher',
  },
};

test.describe('invitations', () => {
  test('a mentee invites a mentor, who accepts from the e-mail; both reach stage 2; the mentee ends it', async ({ page, js }) => {
    const mentee = js ? 'mentee26@demo.test' : 'mentee25@demo.test';
    test.slow(); // a long walk through both members' and the administrator's pages
    await signIn(page, js, mentee);
    const lang = js ? 'en' : 'fr';
    const w = WORDS[lang];
    await setLanguage(page, lang);

    // Two criteria: a development area matched against mentors' skills, and a language.
    await page.goto('/mentors');
    await ready(page, js);
    await page.locator('input[name="tag"]').first().check();
    await page.locator('details', { has: page.locator('input[type="checkbox"][name="lang"]') }).locator('summary').click();
    await page.locator('input[type="checkbox"][name="lang"][value="en"]').check();
    await page.getByRole('button', { name: w.search, exact: true }).click();
    await expect(page).toHaveURL(/tag=\d+.*lang=en|lang=en.*tag=\d+/);
    await ready(page, js);
    // Best first: an invitable mentor who has the area asked for, highlighted.
    const card = page
      .locator('.partner-card', { has: page.getByRole('link', { name: w.invite }) })
      .filter({ has: page.locator('.tag-met mark') })
      .first();
    await expect(card.locator('.fit-score')).toHaveText(/^\d+$/);
    await expect(card.locator('.criteria-met')).toContainText(lang === 'en' ? /development areas?/ : /axes? de développement/);
    await expectAccessible(page, js);
    const name = (await card.locator('.card-title').innerText()).trim();
    await card.getByRole('link', { name: w.invite }).click();
    await ready(page, js);
    await expect(page.getByRole('heading', { name: w.inviteTitle })).toBeVisible();
    await expectAccessible(page, js);
    const before = mailCount();
    await page.getByLabel(w.message).fill('Hello! I would love to learn from you.\nOne hour a month?');
    await page.getByRole('button', { name: w.send }).click();
    await expect(page.getByRole('status')).toContainText(w.sent);
    await ready(page, js);
    await expect(page.getByText(w.pending)).toBeVisible();
    await expect(page.locator('.invitation-message')).toContainText('One hour a month?');
    await expectAccessible(page, js);
    const invitation = new URL(page.url()).pathname;
    await page.goto('/connections');
    await ready(page, js);
    await expect(page.getByRole('heading', { name: w.sentList })).toBeVisible();
    await expectAccessible(page, js);
    await signOut(page, js);

    // The mentor's e-mail names the mentee and links to the invitation.
    const received = await waitForAnyMail(/invites you to a mentoring relationship|vous invite/, before);
    const path = linkPath(received.text, '/invitations/');
    expect(path).toBe(invitation);
    const mentor = received.to[0];
    await signIn(page, js, mentor, path);
    await ready(page, js);
    await expect(page.locator('.invitation-message')).toContainText('One hour a month?');
    await expectAccessible(page, js);

    // The mentor reads the mentee's profile, then comes back to answer.
    await page.getByRole('link', { name: /^(View profile|Voir le profil)/ }).click();
    await ready(page, js);
    await expect(page.locator('h1')).toBeVisible();
    await expectAccessible(page, js);
    await page.goBack();
    await ready(page, js);

    // Before deciding, the mentor asks a question; the invitation stays open and the
    // mentee is e-mailed the question.
    const beforeQuestion = mailCount();
    await page.locator('details.invitation-ask summary').click();
    await page.getByLabel(/^(Your question|Votre question)$/).fill('Evenings or mornings?');
    await page.getByRole('button', { name: /^(Send|Envoyer)$/ }).click();
    await expect(page.getByRole('status')).toContainText(/The invitation stays open|L'invitation reste ouverte/);
    await ready(page, js);
    await expect(page.locator('.invitation-thread')).toContainText('Evenings or mornings?');
    await expectAccessible(page, js);
    const question = await waitForMail(mentee, /wrote to you about a mentoring invitation|vous a écrit au sujet/, beforeQuestion);
    expect(question.text).toContain('Evenings or mornings?');
    expect(linkPath(question.text, '/invitations/')).toBe(invitation);

    await page.getByRole('button', { name: /^(Accept|Accepter)$/ }).click();
    await ready(page, js);
    await expect(page.getByRole('status')).toContainText(/accepted the invitation|accepté l'invitation/);
    await expect(page.locator('.stage-current')).toContainText(/Relationship established|Relation établie/);
    await expectAccessible(page, js);
    await signOut(page, js);

    // The administrator sees the relationship at once on the Relationships page and in
    // the members table.
    const firstName = name.split(' ')[0];
    await signIn(page, js, ADMIN);
    await setLanguage(page, 'en');
    await page.goto(`/admin/relationships?q=${encodeURIComponent(mentee)}`);
    await ready(page, js);
    const rows = page.locator('.relationships-table tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(firstName);
    await page.goto(`/admin/members?q=${encodeURIComponent(mentee)}`);
    await membersTableReady(page, js);
    const headers = await page.locator('.members-table thead th').allInnerTexts();
    const column = headers.findIndex((h) => h.trim() === 'Relationships');
    expect(column).toBeGreaterThan(0);
    const row = page.locator('.members-table tbody tr', { hasText: mentee });
    await expect(row.locator('th, td').nth(column)).toHaveText('1');
    await signOut(page, js);

    // The mentee is told, and sees the same relationship at stage 2.
    const accepted = await waitForMail(mentee, /accepted your invitation|a accepté votre invitation/, before);
    await signIn(page, js, mentee, linkPath(accepted.text, '/relationships/'));
    await ready(page, js);
    await expect(page.locator('.stage-current')).toContainText(w.established);
    await expect(page.getByText(w.stage2)).toBeVisible();
    await expect(page.locator('.partner-summary-card .card-title')).toHaveText(new RegExp(`^${firstName}`));

    // The mentee ends it: stage 3, and both are e-mailed with the reason.
    const beforeEnd = mailCount();
    await page.locator('details.relationship-end summary').click();
    await page.getByLabel(w.reason).fill('We reached our goals.');
    await page.getByRole('button', { name: w.end }).click();
    await expect(page.getByRole('status')).toContainText(w.ended);
    await ready(page, js);
    await expect(page.locator('.stage-current')).toContainText(w.completed);
    await expect(page.getByText('We reached our goals.')).toBeVisible();
    await expectAccessible(page, js);
    for (const to of [mentee, mentor]) {
      const ended = await waitForMail(to, /has ended|a pris fin/, beforeEnd);
      expect(ended.text).toContain('We reached our goals.');
    }
    await signOut(page, js);
  });
});
