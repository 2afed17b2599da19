/**
 * An optional adapter to an OpenAI-compatible chat-completions endpoint (for example a local model server), for
 * freer wording in the intake conversation. Off unless an admin sets INTAKE_LLM_URL. It only proposes a reply: the
 * intake service runs the safety assessment and the safe-messaging check on it, and falls back to scripted text.
 */
export type LlmMessage = { role: 'system' | 'user' | 'assistant'; content: string };
export type LlmAdapter = { reply(messages: LlmMessage[]): Promise<string | null> };

export function createLlmAdapter(options: { url: string; model: string; apiKey?: string; timeoutMs?: number; fetch?: typeof fetch }): LlmAdapter {
  const doFetch = options.fetch ?? fetch;
  const endpoint = `${options.url.replace(/\/+$/, '')}/chat/completions`;
  return {
    async reply(messages) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 8000);
      try {
        const res = await doFetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) },
          body: JSON.stringify({ model: options.model, messages, temperature: 0.4, max_tokens: 200 }),
          signal: controller.signal,
        });
        if (!res.ok) return null;
        const json = (await res.json()) as { choices?: { message?: { content?: unknown } }[] };
        const content = json.choices?.[0]?.message?.content;
        return typeof content === 'string' && content.trim().length > 0 ? content.trim().slice(0, 1200) : null;
      } catch {
        return null;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
