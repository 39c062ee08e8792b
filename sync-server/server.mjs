// Rolecall's team sync server: the stock Yjs WebSocket server (@y/websocket-server), which keeps
// each room's document in LevelDB, with one addition the stock server lacks: a shared access
// token per room, checked when a browser connects. Nothing else is ours.
//
// Settings, all from the environment:
//   PORT                  the port (1234)
//   HOST                  the address to listen on (127.0.0.1; put a TLS proxy in front for wss://)
//   ROLECALL_SYNC_DATA    the folder for the rooms' documents (./data)
//   ROLECALL_SYNC_TOKENS  room=token pairs, comma-separated; `*=token` for every other room.
//                         Unset: every room is open (fine on one's own machine, never on a host).
import http from 'node:http'
import path from 'node:path'
import WebSocket from 'ws'

const port = Number.parseInt(process.env.PORT || '1234', 10)
const host = process.env.HOST || '127.0.0.1'
const data = path.resolve(process.env.ROLECALL_SYNC_DATA || 'data')
// The stock server reads its persistence folder from YPERSISTENCE when it loads.
process.env.YPERSISTENCE = data
const { setupWSConnection, getYDoc, getPersistence, setPersistence } = await import('@y/websocket-server/utils')

// The stock server starts loading a room from LevelDB without waiting for it, and answers the
// first browser from the still empty document: that browser would take the room for empty and
// publish its own workspace into it. The stock loader is kept; its promise is remembered, and a
// connection is taken only once its room has loaded.
const stock = getPersistence()
const loading = new WeakMap()
setPersistence({
  provider: stock.provider,
  bindState: (name, doc) => {
    const loaded = Promise.resolve(stock.bindState(name, doc))
    loading.set(doc, loaded)
    return loaded
  },
  writeState: stock.writeState,
})

const tokens = new Map()
for (const pair of (process.env.ROLECALL_SYNC_TOKENS || '').split(',')) {
  const at = pair.indexOf('=')
  if (at > 0) tokens.set(decodeURIComponent(pair.slice(0, at).trim()), pair.slice(at + 1).trim())
}
if (tokens.size === 0) console.warn('ROLECALL_SYNC_TOKENS is not set: every room is open to anyone who can reach this server.')

/** The token a room needs, if any. */
const tokenFor = room => (tokens.has(room) ? tokens.get(room) : tokens.get('*'))

// A close code of our own (4000–4999 are for applications): the browser shows why it was refused.
const REFUSED = 4401

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' })
  res.end('Rolecall sync server\n')
})
// A hostile client cannot send one huge message.
const wss = new WebSocket.Server({ noServer: true, maxPayload: 32 * 1024 * 1024 })

server.on('upgrade', async (req, socket, head) => {
  let url, room
  try {
    url = new URL(req.url || '/', 'http://localhost')
    room = decodeURIComponent(url.pathname.slice(1))
  } catch {
    // A malformed address (`/%E0`) must not take the server down.
    socket.destroy()
    return
  }
  const want = tokenFor(room)
  if (room && (want === undefined || url.searchParams.get('token') === want)) {
    try {
      await loading.get(getYDoc(room, true))
    } catch (e) {
      console.error(`room ${JSON.stringify(room)} could not be loaded:`, e)
      socket.destroy()
      return
    }
  }
  wss.handleUpgrade(req, socket, head, ws => {
    if (!room || (want !== undefined && url.searchParams.get('token') !== want)) {
      ws.close(REFUSED, room ? 'access token refused' : 'no room')
      return
    }
    // The stock server takes the room from the path; the token must not become part of it.
    req.url = '/' + encodeURIComponent(room)
    setupWSConnection(ws, req, { docName: room, gc: true })
  })
})

server.listen(port, host, () => {
  console.log(`Rolecall sync server on ws://${host}:${port}, rooms kept in ${data}`)
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0))
