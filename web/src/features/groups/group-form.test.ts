import { describe, expect, it } from 'vitest';
import { checkGroupForm, emptyGroupForm, formToGroupInput, parseDecimal, parseGroupDraft, type GroupFormValues } from './group-form.ts';

const base = (over: Partial<GroupFormValues> = {}): GroupFormValues => ({ ...emptyGroupForm('Europe/London', 'en'), name: ' Tuesday circle ', ...over });

describe('the group form', () => {
  it('sends an online group without a venue, trimmed, and drops empty agreements', () => {
    const body = formToGroupInput(base({ venueName: 'Left over', agreements: [' Be kind ', '', '  '], capacity: ' 12 ' }));
    expect(body).toMatchObject({ name: 'Tuesday circle', venue: null, capacity: 12, agreements: ['Be kind'], timezone: 'Europe/London', format: 'online' });
  });

  it('sends the venue of an in-person group with its position as numbers (comma or point)', () => {
    const body = formToGroupInput(base({ format: 'in_person', venueName: 'Library', venueAddress: '1 High St', venueLat: '51,5074', venueLng: '-0.1278' }));
    expect(body.venue).toEqual({ name: 'Library', address: '1 High St', lat: 51.5074, lng: -0.1278 });
  });

  it('sends no venue for an in-person group left blank, so the server can ask for one', () => {
    expect(formToGroupInput(base({ format: 'hybrid' })).venue).toBeNull();
    expect(formToGroupInput(base({ capacity: '' })).capacity).toBeNull();
  });

  it('flags a latitude, longitude or capacity that is not a number', () => {
    expect(checkGroupForm(base({ format: 'in_person', venueName: 'Library', venueLat: 'north', venueLng: '200', capacity: 'ten' }))).toEqual({
      'venue.lat': 'latitude',
      'venue.lng': 'longitude',
      capacity: 'capacity',
    });
    expect(checkGroupForm(base({ format: 'online', venueLat: 'north' }))).toEqual({});
  });

  it('reads decimals and refuses anything else', () => {
    expect(parseDecimal(' 40.4168 ')).toBe(40.4168);
    expect(parseDecimal('-3,7038')).toBe(-3.7038);
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('1.2.3')).toBeNull();
  });

  it('restores a saved draft and ignores a broken one', () => {
    const v = base();
    expect(parseGroupDraft(JSON.stringify(v))).toEqual(v);
    expect(parseGroupDraft('{oops')).toBeNull();
    expect(parseGroupDraft('')).toBeNull();
  });
});
