import { test, expect, ready, expectAccessible, signIn, setLanguage } from './fixtures';

// Availability for meetings: weekly windows on the member's own clock, named with their
// zone; an overlap is refused naming the day and writes nothing; away periods are kept.
// Without JavaScript in French, hydrated in English (each project has its own mentor).
test.describe('availability', () => {
  test('a mentor sets a weekly window and an away period; an overlap is refused', async ({ page, js, allowConsoleErrors }) => {
    // The refused save answers 422, which the browser notes in its console.
    allowConsoleErrors(/status of 422/);
    const fr = !js;
    await signIn(page, js, js ? 'mentor06@demo.test' : 'mentor05@demo.test');
    await setLanguage(page, fr ? 'fr' : 'en');
    await page.goto('/calendar/availability');
    await ready(page, js);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      fr ? 'Disponibilité pour les réunions' : 'Availability for meetings',
    );
    // The demo members live in several zones: the page names the member's own.
    await expect(page.locator('.zone-note')).toContainText(fr ? /Fuseau horaire : Heure .+ \(.+\)/ : /Time zone: .+ Time \(.+\)/);
    await expectAccessible(page, js);

    const wednesday = page.locator('tr[data-weekday="wednesday"]');
    const save = page.getByRole('button', { name: fr ? 'Enregistrer les disponibilités' : 'Save availability' });
    await wednesday.first().locator('input[name$="[start]"]').fill('10:00');
    await wednesday.first().locator('input[name$="[end]"]').fill('20:00');
    await save.click();
    await ready(page, js);
    await expect(page.getByRole('status')).toContainText(fr ? 'Vos disponibilités sont enregistrées' : 'Your availability is saved');
    // Saved, with a blank row under Wednesday for another window.
    await expect(wednesday).toHaveCount(2);
    await expect(wednesday.first().locator('input[name$="[start]"]')).toHaveValue('10:00');
    await expect(wednesday.first().locator('input[name$="[end]"]')).toHaveValue('20:00');

    await wednesday.nth(1).locator('input[name$="[start]"]').fill('19:00');
    await wednesday.nth(1).locator('input[name$="[end]"]').fill('21:00');
    await save.click();
    await ready(page, js);
    await expect(page.getByRole('alert')).toContainText(
      fr ? '« Mercredi » : deux plages horaires se chevauchent' : 'Wednesday: two time windows overlap',
    );
    // Nothing was written.
    await page.goto('/calendar/availability');
    await ready(page, js);
    await expect(wednesday).toHaveCount(2);
    await expect(wednesday.nth(1).locator('input[name$="[start]"]')).toHaveValue('');

    await page.locator('#exception-first').fill('2027-01-04');
    await page.locator('#exception-last').fill('2027-01-08');
    await page.getByRole('button', { name: fr ? 'Ajouter' : 'Add', exact: true }).click();
    await ready(page, js);
    await expect(page.locator('.exception-list')).toContainText(
      fr ? 'Absent du 4 janv. 2027 au 8 janv. 2027' : 'Away from Jan 4, 2027 to Jan 8, 2027',
    );
  });
});
