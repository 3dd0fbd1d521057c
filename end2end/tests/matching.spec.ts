import { test, expect, ready, signIn, signOut, setLanguage, expectAccessible } from './fixtures';
import { waitForMail, waitForAnyMail, linkPath, mailCount } from './mail';

// Each run (JavaScript off, then hydrated) uses its own mentee, so the two never meet;
// each run's invitation is accepted (then the relationship ended), so the hydrated run
// sees one more relationship.
test.describe('invitations', () => {
  test('a mentee invites a mentor, who accepts from the e-mail; both reach stage 2; the mentee ends it', async ({ page, js }) => {
    const mentee = js ? 'mentee26@demo.test' : 'mentee25@demo.test';
    await signIn(page, js, mentee);
    await setLanguage(page, 'en');
    await page.goto('/mentors?search=1');
    await ready(page, js);
    const card = page.locator('.partner-card', { has: page.getByRole('link', { name: /^Invite/ }) }).first();
    const name = (await card.locator('.card-title').innerText()).trim();
    await card.getByRole('link', { name: /^Invite/ }).click();
    await ready(page, js);
    await expect(page.getByRole('heading', { name: 'Send an invitation' })).toBeVisible();
    await expectAccessible(page, js);
    const before = mailCount();
    await page.getByLabel('Your message (required)').fill('Hello! I would love to learn from you.\nOne hour a month?');
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await expect(page.getByRole('status')).toContainText('Your invitation was sent');
    await ready(page, js);
    await expect(page.getByText('Waiting for an answer')).toBeVisible();
    await expect(page.locator('.invitation-message')).toContainText('One hour a month?');
    await expectAccessible(page, js);
    const invitation = new URL(page.url()).pathname;
    await page.goto('/connections');
    await ready(page, js);
    await expect(page.getByRole('heading', { name: 'Invitations you sent' })).toBeVisible();
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
    await page.getByRole('button', { name: /^(Accept|Accepter)$/ }).click();
    await ready(page, js);
    await expect(page.getByRole('status')).toContainText(/accepted the invitation|accepté l'invitation/);
    await expect(page.locator('.stage-current')).toContainText(/Relationship established|Relation établie/);
    await expectAccessible(page, js);
    await signOut(page, js);

    // The mentee is told, and sees the same relationship at stage 2.
    const accepted = await waitForMail(mentee, /accepted your invitation/, before);
    await signIn(page, js, mentee, linkPath(accepted.text, '/relationships/'));
    await ready(page, js);
    await expect(page.locator('.stage-current')).toContainText('Relationship established');
    await expect(page.getByText('You are currently at stage 2.')).toBeVisible();
    await expect(page.locator('.partner-summary-card .card-title')).toHaveText(new RegExp(`^${name.split(' ')[0]}`));

    // The mentee ends it: stage 3, and both are e-mailed with the reason.
    const beforeEnd = mailCount();
    await page.locator('details.relationship-end summary').click();
    await page.getByLabel('Reason (optional; both of you will read it)').fill('We reached our goals.');
    await page.getByRole('button', { name: 'End the relationship' }).click();
    await expect(page.getByRole('status')).toContainText('The relationship has ended');
    await ready(page, js);
    await expect(page.locator('.stage-current')).toContainText('Relationship completed');
    await expect(page.getByText('We reached our goals.')).toBeVisible();
    await expectAccessible(page, js);
    for (const to of [mentee, mentor]) {
      const ended = await waitForMail(to, /has ended|a pris fin/, beforeEnd);
      expect(ended.text).toContain('We reached our goals.');
    }
    await signOut(page, js);
  });
});
