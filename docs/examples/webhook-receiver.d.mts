import type { WebhookPayload } from '@egov-kit/schema';

export function handle(
  request: Request,
  secrets: string | readonly string[],
  onEvent: (event: WebhookPayload, id: string) => unknown,
): Promise<Response>;
