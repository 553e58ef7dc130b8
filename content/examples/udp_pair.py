"""UDP：三次 sendto，三个数据报 · UDP: three sendto calls, three datagrams.

没有 listen、没有 accept、没有 connect；每个数据报都完整、独立地到达。
No listen, no accept, no connect; each datagram arrives whole and on its own.
"""
import socket

HOST = '127.0.0.1'

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as receiver, \
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sender:
    receiver.bind((HOST, 0))                      # 接收方要一个已知端口 · a known port
    receiver.settimeout(2)                        # 万一丢了也不会永远等 · never wait forever
    sender.settimeout(2)
    addr = receiver.getsockname()
    print(f'receiver bound to {addr[0]}:{addr[1]}')

    for text in ['hello', 'world', '你好']:
        sender.sendto(text.encode('utf-8'), addr)  # 一次 sendto = 一个数据报 · one datagram

    # 三个数据报此刻都已在接收缓冲区里 · all three are already waiting in the buffer
    for i in range(1, 4):
        data, peer = receiver.recvfrom(1024)      # 每次只取一个 · one datagram per call
        print(f'datagram {i}: {data.decode("utf-8")!r} ({len(data)} bytes) '
              f'from {peer[0]}:{peer[1]}')

    receiver.sendto(b'got 3', peer)               # 照着对方地址回信 · reply to the sender
    reply, _ = sender.recvfrom(1024)
    print(f'sender got the reply {reply!r}')
