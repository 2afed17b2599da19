import type { Actor } from '../platform/http/actor.ts';
import type { DirectoryService } from '../modules/directory/index.ts';

/**
 * Invented local services around the demo groups (Burlington VT and Chicago), imported through the same CSV path an
 * admin uses. Phone numbers use the reserved 555-01xx range; national lines are the real, well-known ones.
 */
const CSV = `name,kind,description,address,postcode,city,country,lat,lng,phone,website,opening_hours,languages,cost,eligibility
988 Suicide & Crisis Lifeline,crisis_line,"Call or text 988, or chat online. Free and confidential, at any hour.",,,,US,,,988,https://988lifeline.org,24/7,en;es,free,Anyone in the US
Crisis Text Line,crisis_line,Text HOME to 741741 to reach a trained crisis counselor.,,,,US,,,741741,https://www.crisistextline.org,24/7,en;es,free,Anyone in the US
Lakeview Community Counselling,clinic,"Walk-in counselling and short-term therapy, with evening slots on Tuesdays.",12 Pine Street,05401,Burlington,US,44.4790,-73.2150,802-555-0101,,Mon-Fri 9:00-17:00; Tue until 20:00,en;es,sliding_scale,Adults 18+ living in Chittenden County
Old North End Community Centre,community_centre,"Drop-in space, free tea, and a weekly social for people who feel isolated.",20 North Winooski Ave,05401,Burlington,US,44.4812,-73.2106,802-555-0102,,Tue-Sat 10:00-16:00,en,free,Everyone
Essex Family Centre,community_centre,Parent and carer groups and a quiet room.,,05452,Essex Junction,US,,,802-555-0103,,Mon-Fri 9:00-15:00,en,free,Families and carers
Colchester Hearing Voices Circle,peer_group,"A peer-led group hosted at the town library, every other Thursday.",,05446,Colchester,US,,,,,Every other Thursday 18:30-20:00,en,free,Anyone over 16
Winooski Valley Grief Circle,peer_group,A bereavement circle hosted by a local hospice; includes people bereaved by suicide.,,05403,South Burlington,US,,,802-555-0104,,Mondays 18:00-19:30,en,free,Anyone who has lost someone
Montpelier Counselling Collective,clinic,Longer-term therapy with a sliding scale.,,05602,Montpelier,US,,,802-555-0105,,Mon-Thu 8:00-18:00,en;fr,sliding_scale,Adults
Clínica Comunitaria Pilsen,clinic,Consejería en español e inglés; consulta sin cita los miércoles.,1800 S Blue Island Ave,60608,Chicago,US,41.8571,-87.6610,312-555-0106,,Lun-Vie 9:00-18:00,es;en,low_cost,Adultos y familias
Little Village Peer Support Circle,peer_group,Círculo de apoyo entre pares cada sábado por la mañana.,,60623,Chicago,US,,,312-555-0107,,Sábados 10:00-11:30,es,free,Cualquier persona mayor de 18 años
Loop Workplace Wellbeing Drop-in,community_centre,Lunchtime drop-in for people juggling work and mental health.,,60601,Chicago,US,,,312-555-0108,,Wednesdays 12:00-14:00,en,free,Anyone working downtown
`;

export async function seedDemoDirectory(services: { directory: DirectoryService }, actor: (key: string) => Actor): Promise<void> {
  const report = await services.directory.importCsv(actor('admin'), CSV);
  if (report.rejected.length > 0) throw new Error(`demo directory rows rejected: ${JSON.stringify(report.rejected)}`);
  // One correction waiting for a moderator, so the review page has something to show.
  const found = await services.directory.searchServices(actor('member'), { near: '05401', radiusKm: 10, q: 'Old North End', limit: 1 });
  const service = found.services[0];
  if (service) {
    await services.directory.suggestCorrection(actor('member'), service.id, { changes: { openingHours: 'Tue-Sat 10:00-17:00' }, note: 'They stay open until 5 now, according to the sign on the door.' });
  }
}
