import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC401 runtime user must write a root-owned directory', () => {
  describe('COPY/ADD without --chown into a path the app writes', () => {
    it('flags a known uploads/cache/data directory', () => {
      expect(
        linesOf(
          'HC401',
          df`
        FROM python:3.12-slim
        RUN useradd -u 10001 app
        WORKDIR /app
        COPY . .
        COPY media/ /app/uploads/
        USER 10001
      `,
        ),
      ).toEqual([5]);
    });
    it('flags a copy into a declared VOLUME', () => {
      const f = findingsOf(
        'HC401',
        df`
        FROM alpine:3.19
        VOLUME /var/lib/app
        COPY seed.db /var/lib/app/seed.db
        USER 10001:10001
      `,
      );
      expect(f.map((x) => x.line)).toEqual([3]);
      expect(f[0].message).toContain('--chown=10001:10001');
    });
    it('flags the WORKDIR when it was made writable on purpose (non-recursive chown) before the COPY', () => {
      expect(
        linesOf(
          'HC401',
          df`
        FROM node:20-slim
        WORKDIR /app
        RUN chown node /app
        COPY state.json /app/state.json
        USER node
      `,
        ),
      ).toEqual([4]);
    });
    it('is silent with --chown, with a later recursive chown, or when the runtime user is root', () => {
      expect(
        linesOf('HC401', 'FROM node:20-slim\nCOPY --chown=node:node uploads/ /app/uploads/\nUSER node\n'),
      ).toEqual([]);
      expect(
        linesOf(
          'HC401',
          'FROM node:20-slim\nCOPY uploads/ /app/uploads/\nRUN chown -R node /app/uploads\nUSER node\n',
        ),
      ).toEqual([]);
      expect(linesOf('HC401', 'FROM node:20-slim\nCOPY uploads/ /app/uploads/\n')).toEqual([]);
    });
    it('is silent for code directories and /tmp', () => {
      expect(
        linesOf('HC401', 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nCOPY req.txt /tmp/\nUSER node\n'),
      ).toEqual([]);
    });
    it('uses the base image default user (distroless nonroot) when there is no USER', () => {
      expect(
        linesOf(
          'HC401',
          df`
        FROM golang:1.22 AS build
        RUN mkdir /out/cache
        FROM gcr.io/distroless/static-debian12:nonroot
        COPY --from=build /out/cache /var/cache/app
      `,
        ),
      ).toEqual([4]);
    });
    it('ignores builder stages', () => {
      expect(
        linesOf(
          'HC401',
          df`
        FROM node:20 AS build
        COPY cache/ /src/cache/
        FROM gcr.io/distroless/nodejs20-debian12:nonroot
        COPY --from=build --chown=65532:65532 /src/cache /app/cache
      `,
        ),
      ).toEqual([]);
    });
  });

  describe('RUN after a non-root USER writing into a root-owned directory', () => {
    it('flags npm install in a WORKDIR created as root', () => {
      const f = findingsOf(
        'HC401',
        df`
        FROM node:20-slim
        WORKDIR /app
        COPY package*.json ./
        USER node
        RUN npm ci --omit=dev
      `,
      );
      expect(f.map((x) => x.line)).toEqual([5]);
      expect(f[0].message).toContain('/app');
    });
    it('points at the continuation line with the writing command', () => {
      expect(
        linesOf(
          'HC401',
          df`
        FROM alpine:3.19
        RUN adduser -D app && mkdir -p /srv/data
        USER app
        RUN echo start \\
         && touch /srv/data/ready
      `,
        ),
      ).toEqual([5]);
    });
    it('flags redirections and writes into system directories', () => {
      expect(linesOf('HC401', 'FROM alpine:3.19\nUSER 1000\nRUN echo x > /etc/app.conf\n')).toEqual([3]);
      expect(linesOf('HC401', 'FROM alpine:3.19\nUSER 1000\nRUN mkdir /data\n')).toEqual([3]);
    });
    it('follows cd inside the RUN and heredoc bodies', () => {
      expect(
        linesOf(
          'HC401',
          df`
        FROM alpine:3.19
        RUN mkdir -p /opt/app
        USER 1000
        RUN <<EOF
        cd /opt/app
        touch marker
        EOF
      `,
        ),
      ).toEqual([6]); // the heredoc line that writes
    });
    it('is silent when the directory was chowned to the user, or created by the user', () => {
      expect(
        linesOf(
          'HC401',
          df`
        FROM node:20-slim
        RUN mkdir -p /app && chown node:node /app
        WORKDIR /app
        USER node
        RUN npm ci && mkdir logs && touch logs/app.log
      `,
        ),
      ).toEqual([]);
      expect(
        linesOf(
          'HC401',
          'FROM node:20-slim\nUSER node\nRUN mkdir -p /home/node/.cache && echo ok > /home/node/x\n',
        ),
      ).toEqual([]);
      expect(linesOf('HC401', 'FROM node:20-slim\nUSER node\nRUN echo ok > /tmp/x 2>/dev/null\n')).toEqual(
        [],
      );
    });
    it('is silent for builder stages that write as root', () => {
      expect(
        linesOf(
          'HC401',
          df`
        FROM node:20 AS build
        WORKDIR /src
        COPY . .
        RUN npm ci && npm run build > /src/build.log
        FROM node:20-slim
        COPY --from=build /src/dist /app
      `,
        ),
      ).toEqual([]);
    });
    it('leaves a WORKDIR created after USER to HC406 (builder-dependent owner)', () => {
      expect(linesOf('HC401', 'FROM node:20-slim\nUSER node\nWORKDIR /home/node/app\nRUN npm ci\n')).toEqual(
        [],
      );
    });
  });
  describe('(3) the running container writes its root-owned working directory', () => {
    it('real case: COPY --chown into a root WORKDIR, then CMD npm run build as node', () => {
      const text = df`
        FROM node:20-alpine
        WORKDIR /app
        COPY --chown=node:node package*.json ./
        RUN npm ci
        COPY --chown=node:node . .
        USER node
        EXPOSE 3000
        CMD ["sh", "-c", "npm run build && npm start"]
      `;
      const [f, ...rest] = findingsOf('HC401', text);
      expect(rest).toEqual([]);
      expect(f.line).toBe(8);
      expect(f.message).toContain('builds the app');
      expect(f.message).toContain('/app was created by WORKDIR on line 2 as root');
      expect(f.message).toContain('RUN chown node /app before USER');
    });
    it('real case: tsc and a relative sqlite file at start', () => {
      expect(
        linesOf(
          'HC401',
          'FROM node:20-slim\nWORKDIR /srv/app\nCOPY . .\nUSER 1000\nCMD npx tsc && node dist/index.js\n',
        ),
      ).toEqual([5]);
      expect(
        linesOf(
          'HC401',
          df`
          FROM python:3.12-slim
          RUN useradd -u 10001 app
          WORKDIR /app
          COPY . .
          ENV DATABASE_URL=sqlite:///./app.db
          USER 10001
          CMD ["uvicorn", "main:app", "--host", "0.0.0.0"]
        `,
        ),
      ).toEqual([5]);
    });
    it('real case: a relative sqlite file in ENV, no CMD of its own', () => {
      const [f] = findingsOf(
        'HC401',
        df`
        FROM python:3.12-alpine
        WORKDIR /app
        COPY . .
        RUN python -m venv venv
        RUN ./venv/bin/pip install -r requirements.txt
        ENV DB_NAME=sample_app.db
        EXPOSE 9000
        RUN addgroup app && adduser -S -G app app
        USER app
      `,
      );
      expect(f.line).toBe(6);
      expect(f.message).toContain('ENV DB_NAME names the relative SQLite file sample_app.db');
    });
    it('is silent when the directory is handed over, the build happens at build time, or tsc --noEmit', () => {
      const chowned = df`
        FROM node:20-alpine
        WORKDIR /app
        COPY . .
        RUN chown -R node:node /app
        USER node
        CMD ["npm", "run", "build"]
      `;
      expect(linesOf('HC401', chowned)).toEqual([]);
      const atBuild = df`
        FROM node:20-alpine
        WORKDIR /app
        COPY . .
        RUN npm ci && npm run build
        USER node
        CMD ["node", "dist/server.js"]
      `;
      expect(linesOf('HC401', atBuild)).toEqual([]);
      expect(
        linesOf(
          'HC401',
          'FROM node:20\nWORKDIR /app\nCOPY . .\nUSER node\nCMD npx tsc --noEmit && node index.js\n',
        ),
      ).toEqual([]);
      // the home directory of the user is not root-owned
      expect(
        linesOf('HC401', 'FROM node:20\nWORKDIR /home/node\nUSER node\nCMD ["npm", "run", "build"]\n'),
      ).toEqual([]);
    });
  });

  describe('(4) a VOLUME created as root', () => {
    it('real case: WORKDIR /data as root, VOLUME /data, non-root USER', () => {
      const [f] = findingsOf(
        'HC401',
        df`
        FROM python:3.12-slim
        RUN useradd -u 10001 app
        WORKDIR /data
        WORKDIR /app
        COPY --chown=10001:10001 . .
        VOLUME /data
        USER 10001
        CMD ["python", "main.py"]
      `,
      );
      expect(f.line).toBe(6);
      expect(f.message).toContain('VOLUME /data was created by WORKDIR on line 3 as root');
    });
    it('real case: VOLUME /app/logs that only the VOLUME line creates (root) for a non-root user', () => {
      const text = df`
        FROM python:3.7
        WORKDIR /app
        COPY . /app
        RUN chmod go+w /app
        RUN groupadd -g 999 appuser && useradd -r -u 999 -g appuser appuser
        USER appuser
        VOLUME /app/logs
        CMD python runserver.py
      `;
      const [f] = findingsOf('HC401', text);
      expect(f.line).toBe(7);
      expect(f.message).toContain(
        'VOLUME /app/logs does not exist before this line, so Docker creates it owned by root',
      );
      // a COPY --chown into /app may bring logs/ along with the user as owner: not reported
      expect(linesOf('HC401', text.replace('COPY . /app', 'COPY --chown=999:999 . /app'))).toEqual([]);
    });
    it('is silent when the volume directory is chowned, or the file never creates it', () => {
      expect(
        linesOf(
          'HC401',
          'FROM alpine:3.19\nRUN mkdir -p /data && chown 1000:1000 /data\nVOLUME /data\nUSER 1000\n',
        ),
      ).toEqual([]);
      expect(linesOf('HC401', 'FROM postgres:16\nVOLUME /var/lib/postgresql/data\nUSER postgres\n')).toEqual(
        [],
      );
    });
  });
  describe('real cases from the corpus', () => {
    it('WORKDIR after USER, COPY package*.json, npm install: the builder decides the owner (HC406), not reported here', () => {
      // whether npm can write there depends on who owns the directory, which the builder decides
      expect(
        linesOf(
          'HC401',
          'FROM node:8\nUSER node\nWORKDIR /usr/src/app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\n',
        ),
      ).toEqual([]);
      expect(
        linesOf(
          'HC406',
          'FROM node:8\nUSER node\nWORKDIR /usr/src/app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\n',
        ),
      ).toEqual([3]);
    });
    it('next start writes .next/cache: .next copied root-owned for USER node', () => {
      const text = df`
        FROM node:lts-alpine AS builder
        WORKDIR /app
        COPY . .
        RUN npm ci && npm run build
        FROM node:lts-alpine AS runner
        USER node
        WORKDIR /app
        COPY --from=builder /app/.next ./.next
        COPY --from=builder /app/public ./public
        CMD ["npm", "run", "start"]
      `;
      const [f, ...rest] = findingsOf('HC401', text);
      expect(rest).toEqual([]);
      expect(f.line).toBe(8);
      expect(f.message).toContain('next start writes its cache');
      expect(
        linesOf(
          'HC401',
          text.replace('COPY --from=builder /app/.next', 'COPY --from=builder --chown=node:node /app/.next'),
        ),
      ).toEqual([]);
    });
  });
});
