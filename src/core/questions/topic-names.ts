import { defineMessages, type Locale } from '../i18n/catalog.js';
import type { Topic } from './schema.js';

const names = defineMessages<Topic>({
  en: {
    'network-basics': 'Network basics',
    'tcp-udp': 'TCP & UDP',
    'http-web': 'HTTP & the web',
    'dns-arp-routing': 'DNS, ARP & routing',
    sockets: 'Sockets',
    'io-multiplexing': 'I/O multiplexing',
    'processes-threads': 'Processes & threads',
    gil: 'The GIL',
    'coroutines-async': 'Coroutines & async',
    'locks-deadlock': 'Locks & deadlock',
    ipc: 'Inter-process communication',
    infrastructure: 'Nginx, LVS, load balancing & RPC',
    'security-firewall': 'Firewalls & security',
    troubleshooting: 'Troubleshooting',
  },
  zh: {
    'network-basics': '网络基础',
    'tcp-udp': 'TCP 与 UDP',
    'http-web': 'HTTP 与 Web',
    'dns-arp-routing': 'DNS、ARP 与路由',
    sockets: '套接字',
    'io-multiplexing': 'I/O 多路复用',
    'processes-threads': '进程与线程',
    gil: 'GIL',
    'coroutines-async': '协程与异步',
    'locks-deadlock': '锁与死锁',
    ipc: '进程间通信',
    infrastructure: 'Nginx、LVS、负载均衡与 RPC',
    'security-firewall': '防火墙与安全',
    troubleshooting: '故障排查',
  },
});

export function topicName(topic: Topic, locale: Locale): string {
  return names[locale][topic];
}

/** Topics a word names in either language: the whole name or one of its parts (`套接字`, `协程`, `nginx`, `lvs`). */
export function topicsNamed(word: string): Topic[] {
  const w = word.trim().toLowerCase();
  if (!w) return [];
  const named = (name: string) => {
    const n = name.toLowerCase();
    return n === w || (w !== 'the' && n.split(/\s*(?:[,、&]|与|\s)\s*/).includes(w));
  };
  return (Object.keys(names.en) as Topic[]).filter((t) => named(names.en[t]) || named(names.zh[t]));
}
