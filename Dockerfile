# PrepBot: the bot process. Redis runs as its own service (see docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY questions ./questions
USER node
CMD ["node", "--import", "tsx", "src/main.ts"]
