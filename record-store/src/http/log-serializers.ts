/**
 * What the service may write to its log: method, path and status. Bodies, query strings and headers stay out, and so
 * do the messages of client errors, because a JSON parse error quotes the body it failed on (a My Number, a name).
 */
import type { FastifyError } from 'fastify';

interface RequestLike {
  method?: string;
  url?: string;
}

interface ReplyLike {
  statusCode: number;
}

export const logSerializers = {
  req: (req: RequestLike) => ({ method: req.method, url: (req.url ?? '').split('?')[0] }),
  res: (res: ReplyLike) => ({ statusCode: res.statusCode }),
  err: (e: FastifyError) => {
    const serverSide = (e.statusCode ?? 500) >= 500 && !e.code?.startsWith('FST_ERR_CTP');
    return {
      type: e.name,
      code: e.code,
      statusCode: e.statusCode,
      message: serverSide ? e.message : '',
      stack: serverSide ? (e.stack ?? '') : '',
    };
  },
};
