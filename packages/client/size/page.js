// A typical page of an agency's portal: a procedure search and a procedure's detail.
import { createClient } from '@egov-kit/client';

const client = createClient({ baseUrl: '/api/v1' });
const page = await client.procedures.search('khai sinh');
console.log(await client.procedures.get(page.items[0]?.code ?? '1.000000'));
