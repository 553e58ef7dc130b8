"""close() 与 shutdown(SHUT_WR) · close() versus shutdown(SHUT_WR)."""
import socket
import time


def connected_pair():
    with socket.create_server(('127.0.0.1', 0)) as server:     # 端口 0：系统挑 · port 0: the OS picks
        a = socket.create_connection(server.getsockname())
        b, _ = server.accept()
    return a, b


a, b = connected_pair()
a.close()                               # 两个方向都关 · both directions closed
print('close: B recv ->', b.recv(1024))
b.sendall(b'late reply')                # 进了 B 的内核就算成功 · succeeds once in B's kernel
print('close: B 1st sendall -> ok')
time.sleep(0.2)                         # A 的内核回了 RST · A's kernel answers with an RST
try:
    b.sendall(b'more')
except OSError as e:
    print('close: B next sendall ->', type(e).__name__)
b.close()

a, b = connected_pair()
a.sendall(b'question')
a.shutdown(socket.SHUT_WR)              # 只发 FIN，还能读 · FIN only: A can still read
print('shutdown: B read', b.recv(1024), b.recv(1024))
b.sendall(b'answer')                    # 半关闭：B 还能发 · half-closed: B can still send
b.close()
print('shutdown: A read', a.recv(1024), a.recv(1024))
a.close()
