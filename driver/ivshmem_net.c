// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-net: a virtual Ethernet link over an ivshmem v2 device of
 * protocol VETH (class 0xff0001), speaking Jailhouse's protocol so that
 * either end may be Jailhouse's own driver (ivnet_proto.h has the layout
 * and the handshake). The same module serves the root cell (behind the
 * virtual host bridge vpci.c registers) and a Linux cell (behind the host
 * bridge its device tree describes).
 *
 * One INTx carries both the peer's state changes and its doorbells: the
 * handler queues the state work when the peer's state table entry changed
 * and schedules NAPI, which takes back sent frames and receives.
 */
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/rtnetlink.h>
#include <linux/workqueue.h>

#include "ivnet_proto.h"
#include "vpci.h"

#define IVSHMEM_VENDOR 0x110a
#define IVSHMEM_DEVICE 0x4106
#define IVSHMEM_PROTO_VETH 0x0001

/* BAR0 registers */
#define REG_ID 0x00
#define REG_MAX_PEERS 0x04
#define REG_INT_CONTROL 0x08
#define REG_DOORBELL 0x0c
#define REG_STATE 0x10

/* vendor capability, offsets from its start */
#define CAP_PRIV_CONTROL 0x03
#define CAP_STATE_TABLE_SIZE 0x04
#define CAP_RW_SIZE 0x08
#define CAP_OUTPUT_SIZE 0x10
#define CAP_ADDRESS 0x18

#define IVNET_MTU_DEFAULT 16384
#define IVNET_UNKNOWN (~0U)

struct ivnet {
	struct net_device *ndev;
	struct pci_dev *pdev;
	void __iomem *regs;
	const u32 *state_table; /* read-only for us */
	void *own, *peer; /* the output sections: ours (TX), the peer's */
	struct ivnet_geometry geo;
	u32 id, peer_id;

	struct ivnet_queue tx, rx;
	struct napi_struct napi;
	bool running; /* queues and NAPI on (RUN), under state_lock */

	struct mutex state_lock;
	u32 state; /* ours, as last written */
	u32 last_peer_state; /* the peer's, as the state work last saw it */
	struct work_struct state_work;

	unsigned long ring_errors;
};

static void ivnet_doorbell(struct ivnet *in)
{
	/* writel orders the ring writes before the doorbell */
	writel(in->peer_id << 16, in->regs + REG_DOORBELL);
}

static void ivnet_set_state(struct ivnet *in, u32 state)
{
	in->state = state;
	writel(state, in->regs + REG_STATE);
}

static void ivnet_ring_error(struct ivnet *in, const char *what)
{
	in->ring_errors++;
	netdev_err_once(in->ndev,
			"peer %u: %s ring refers outside its frames; the link "
			"stalls until the peer resets it\n",
			in->peer_id, what);
}

static void ivnet_reclaim(struct ivnet *in)
{
	if (ivnet_tx_clean(&in->tx) < 0)
		ivnet_ring_error(in, "used");
}

static int ivnet_poll(struct napi_struct *napi, int budget)
{
	struct ivnet *in = container_of(napi, struct ivnet, napi);
	struct net_device *ndev = in->ndev;
	struct netdev_queue *txq = netdev_get_tx_queue(ndev, 0);
	struct sk_buff *skb;
	const void *data;
	int received = 0;
	u32 len;
	u16 desc;
	int ret;

	if (__netif_tx_trylock(txq)) {
		ivnet_reclaim(in);
		if (netif_queue_stopped(ndev) &&
		    ivnet_tx_ok(&in->tx, ndev->mtu))
			netif_wake_queue(ndev);
		__netif_tx_unlock(txq);
	}

	while (received < budget) {
		ret = ivnet_rx_next(&in->rx, &data, &len, &desc);
		if (ret < 0)
			ivnet_ring_error(in, "available");
		if (ret <= 0)
			break;
		if (len < ETH_HLEN || len > ndev->max_mtu + VLAN_ETH_HLEN) {
			ndev->stats.rx_length_errors++;
			ndev->stats.rx_dropped++;
		} else if ((skb = napi_alloc_skb(napi, len))) {
			skb_put_data(skb, data, len);
			skb->protocol = eth_type_trans(skb, ndev);
			napi_gro_receive(napi, skb);
			ndev->stats.rx_packets++;
			ndev->stats.rx_bytes += len;
		} else {
			ndev->stats.rx_dropped++;
		}
		ivnet_rx_done(&in->rx, desc);
		received++;
	}

	if (received < budget && napi_complete_done(napi, received)) {
		/* ask for a doorbell, then look again: none may slip by */
		ivnet_rx_arm(&in->rx);
		if (ivnet_rx_pending(&in->rx))
			napi_schedule(napi);
	}
	if (ivnet_rx_kick_due(&in->rx, received))
		ivnet_doorbell(in);
	return received;
}

static netdev_tx_t ivnet_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct ivnet *in = netdev_priv(ndev);
	bool more = netdev_xmit_more();
	unsigned int len = skb->len;
	void *buf = NULL;
	u16 desc;

	/* not RUN: the queues may not be set up (netif_tx_disable waits) */
	if (READ_ONCE(in->running)) {
		ivnet_reclaim(in);
		buf = ivnet_tx_alloc(&in->tx, len, &desc);
	}
	if (!buf) {
		/* the queue stops before this can happen: only a bad peer */
		ndev->stats.tx_dropped++;
		dev_kfree_skb_any(skb);
		more = false;
		goto out;
	}
	/* the frame complete, checksums included (NETIF_F_HW_CSUM) */
	skb_copy_and_csum_dev(skb, buf);
	ivnet_tx_publish(&in->tx, desc);
	ndev->stats.tx_packets++;
	ndev->stats.tx_bytes += len;
	dev_consume_skb_any(skb);
out:
	if (buf && !ivnet_tx_ok(&in->tx, ndev->mtu)) {
		netif_stop_queue(ndev);
		/* a doorbell when the peer takes the next one, then recheck */
		ivnet_tx_arm(&in->tx);
		ivnet_reclaim(in);
		if (ivnet_tx_ok(&in->tx, ndev->mtu))
			netif_start_queue(ndev);
		more = false;
	}
	if (!more && ivnet_tx_kick_due(&in->tx))
		ivnet_doorbell(in);
	return NETDEV_TX_OK;
}

/* Under state_lock. */
static void ivnet_run(struct ivnet *in)
{
	if (in->state < IVNET_STATE_READY || !netif_running(in->ndev))
		return;
	if (!in->running) {
		in->running = true;
		napi_enable(&in->napi);
		netif_wake_queue(in->ndev);
		ivnet_set_state(in, IVNET_STATE_RUN);
		local_bh_disable();
		napi_schedule(&in->napi);
		local_bh_enable();
	}
	if (in->last_peer_state == IVNET_STATE_RUN)
		netif_carrier_on(in->ndev);
}

/* Under state_lock: back to RESET, queues and NAPI quiet. */
static void ivnet_stop(struct ivnet *in)
{
	ivnet_set_state(in, IVNET_STATE_RESET);
	netif_carrier_off(in->ndev);
	if (!in->running)
		return;
	in->running = false;
	netif_tx_disable(in->ndev);
	napi_disable(&in->napi);
}

static void ivnet_state_work(struct work_struct *work)
{
	struct ivnet *in = container_of(work, struct ivnet, state_work);
	unsigned int actions, steps;
	u32 peer, next, prev;

	mutex_lock(&in->state_lock);
	peer = READ_ONCE(in->state_table[in->peer_id]);
	in->last_peer_state = peer;
	/* a few steps at most: RESET, INIT, READY, RUN */
	for (steps = 0; steps < 4; steps++) {
		prev = in->state;
		next = ivnet_state_next(prev, peer, &actions);
		if (actions & IVNET_DO_STOP) {
			ivnet_stop(in);
		} else if (actions & IVNET_DO_INIT_QUEUES) {
			ivnet_queues_init(&in->tx, &in->rx, in->own, in->peer,
					  &in->geo);
			ivnet_set_state(in, next);
		} else if (next != prev) {
			ivnet_set_state(in, next);
		}
		if (actions & IVNET_DO_RUN)
			ivnet_run(in);
		/* settled, or on a step the peer has to answer first */
		if (next == prev || (actions & (IVNET_DO_RUN | IVNET_DO_STOP)))
			break;
	}
	mutex_unlock(&in->state_lock);
}

static irqreturn_t ivnet_irq(int irq, void *data)
{
	struct ivnet *in = data;

	if (READ_ONCE(in->state_table[in->peer_id]) !=
	    READ_ONCE(in->last_peer_state))
		schedule_work(&in->state_work);
	if (READ_ONCE(in->running))
		napi_schedule_irqoff(&in->napi);
	return IRQ_HANDLED;
}

static int ivnet_open(struct net_device *ndev)
{
	struct ivnet *in = netdev_priv(ndev);

	netif_carrier_off(ndev);
	netif_stop_queue(ndev);
	mutex_lock(&in->state_lock);
	ivnet_run(in);
	mutex_unlock(&in->state_lock);
	return 0;
}

static int ivnet_close(struct net_device *ndev)
{
	struct ivnet *in = netdev_priv(ndev);

	/* the peer follows into RESET, and both come back to READY */
	mutex_lock(&in->state_lock);
	ivnet_stop(in);
	mutex_unlock(&in->state_lock);
	schedule_work(&in->state_work);
	return 0;
}

static int ivnet_change_mtu(struct net_device *ndev, int mtu)
{
	if (netif_running(ndev)) {
		netdev_err(ndev, "set it down first to change its MTU\n");
		return -EBUSY;
	}
	ndev->mtu = mtu;
	return 0;
}

static const struct net_device_ops ivnet_ops = {
	.ndo_open = ivnet_open,
	.ndo_stop = ivnet_close,
	.ndo_start_xmit = ivnet_xmit,
	.ndo_change_mtu = ivnet_change_mtu,
	.ndo_set_mac_address = eth_mac_addr,
	.ndo_validate_addr = eth_validate_addr,
};

/*
 * /sys/bus/pci/devices/BDF/ivshmem_net_state: "OWN PEER", the states as
 * written and as last read from the state table, for tests and diagnosis
 * (the state table itself is claimed by the driver, out of /dev/mem's
 * reach).
 */
static ssize_t ivshmem_net_state_show(struct device *dev,
				      struct device_attribute *attr, char *buf)
{
	struct ivnet *in = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%u %u\n", READ_ONCE(in->state),
			  READ_ONCE(in->state_table[in->peer_id]));
}
static DEVICE_ATTR_RO(ivshmem_net_state);

static u64 cfg_read64(struct pci_dev *pdev, int pos)
{
	u32 lo, hi;

	pci_read_config_dword(pdev, pos, &lo);
	pci_read_config_dword(pdev, pos + 4, &hi);
	return lo | (u64)hi << 32;
}

static void *ivnet_map(struct pci_dev *pdev, phys_addr_t addr, u64 size,
		       const char *what)
{
	struct device *dev = &pdev->dev;
	void *p;

	if (!devm_request_mem_region(dev, addr, size, "ivshmem-net")) {
		dev_err(dev, "%s at %pa is in use (/proc/iomem)\n", what,
			&addr);
		return NULL;
	}
	p = devm_memremap(dev, addr, size, MEMREMAP_WB);
	if (IS_ERR(p)) {
		dev_err(dev, "cannot map %s at %pa, size 0x%llx\n", what, &addr,
			size);
		return NULL;
	}
	return p;
}

static int ivnet_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct device *dev = &pdev->dev;
	u64 state_size, rw_size, out_size;
	struct net_device *ndev;
	phys_addr_t addr;
	void *sections;
	struct ivnet *in;
	u32 peers, dword;
	int cap, err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	ndev = devm_alloc_etherdev(dev, sizeof(*in));
	if (!ndev)
		return -ENOMEM;
	in = netdev_priv(ndev);
	in->ndev = ndev;
	in->pdev = pdev;
	/* mapped, not requested: see ivshmem_uio.c */
	in->regs = pcim_iomap(pdev, 0, 0);
	if (!in->regs)
		return -ENOMEM;
	cap = pci_find_capability(pdev, PCI_CAP_ID_VNDR);
	if (!cap) {
		dev_err(dev, "no ivshmem vendor capability\n");
		return -ENODEV;
	}
	in->id = readl(in->regs + REG_ID);
	peers = readl(in->regs + REG_MAX_PEERS);
	if (peers != 2 || in->id > 1) {
		dev_err(dev,
			"ID %u of %u peers: ivshmem-net links two peers "
			"(shmem_peers = 2 in both configs)\n",
			in->id, peers);
		return -ENODEV;
	}
	in->peer_id = !in->id;

	if (pci_resource_len(pdev, 2))
		addr = pci_resource_start(pdev, 2);
	else
		addr = cfg_read64(pdev, cap + CAP_ADDRESS);
	pci_read_config_dword(pdev, cap + CAP_STATE_TABLE_SIZE, &dword);
	state_size = dword;
	rw_size = cfg_read64(pdev, cap + CAP_RW_SIZE);
	out_size = cfg_read64(pdev, cap + CAP_OUTPUT_SIZE);
	if (state_size < 2 * sizeof(u32) || rw_size > SZ_1G ||
	    ivnet_geometry(out_size, &in->geo)) {
		dev_err(dev,
			"section sizes state 0x%llx R/W 0x%llx output "
			"0x%llx: an output section must hold the rings "
			"and four frames (at most 2 GiB)\n",
			state_size, rw_size, out_size);
		return -EINVAL;
	}
	in->state_table = ivnet_map(pdev, addr, state_size, "state table");
	if (!in->state_table)
		return -EBUSY;
	/* a R/W section, if any, is not used by the protocol */
	addr += state_size + rw_size;
	sections = ivnet_map(pdev, addr, 2 * out_size, "output sections");
	if (!sections)
		return -EBUSY;
	in->own = sections + in->id * out_size;
	in->peer = sections + in->peer_id * out_size;
	if (!pdev->irq) {
		dev_err(dev, "no INTx interrupt (MSI-X is not supported on "
			     "the virtual host bridge)\n");
		return -ENODEV;
	}

	mutex_init(&in->state_lock);
	INIT_WORK(&in->state_work, ivnet_state_work);
	in->state = IVNET_STATE_RESET;
	in->last_peer_state = IVNET_UNKNOWN;
	eth_hw_addr_random(ndev);
	ndev->netdev_ops = &ivnet_ops;
	ndev->min_mtu = ETH_MIN_MTU;
	ndev->max_mtu = min_t(u32, ETH_MAX_MTU, in->geo.qsize / 4);
	ndev->mtu = min_t(u32, IVNET_MTU_DEFAULT, in->geo.qsize / 16);
	ndev->hw_features = NETIF_F_HW_CSUM | NETIF_F_SG;
	ndev->features = ndev->hw_features;
	SET_NETDEV_DEV(ndev, dev);
	netif_carrier_off(ndev);
	netif_napi_add(ndev, &in->napi, ivnet_poll);
	pci_set_drvdata(pdev, in);

	err = devm_request_irq(dev, pdev->irq, ivnet_irq, 0, "ivshmem-net", in);
	if (err)
		return err;
	err = register_netdev(ndev);
	if (err)
		return err;
	err = device_create_file(dev, &dev_attr_ivshmem_net_state);
	if (err) {
		unregister_netdev(ndev);
		return err;
	}
	pci_set_master(pdev);
	/* every event an interrupt, no re-arming */
	pci_write_config_byte(pdev, cap + CAP_PRIV_CONTROL, 0);
	writel(1, in->regs + REG_INT_CONTROL);
	ivnet_set_state(in, IVNET_STATE_RESET);
	schedule_work(&in->state_work);
	netdev_info(ndev,
		    "ivshmem-net peer %u of 2 on %s, output sections "
		    "%pa + 2 x 0x%llx, %u descriptors, MTU %u, INTx irq "
		    "%d\n",
		    in->id, pci_name(pdev), &addr, out_size, in->geo.qlen,
		    ndev->mtu, pdev->irq);
	return 0;
}

static void ivnet_remove(struct pci_dev *pdev)
{
	struct ivnet *in = pci_get_drvdata(pdev);

	/* the peer sees us go */
	writel(0, in->regs + REG_INT_CONTROL);
	device_remove_file(&pdev->dev, &dev_attr_ivshmem_net_state);
	unregister_netdev(in->ndev);
	devm_free_irq(&pdev->dev, pdev->irq, in);
	cancel_work_sync(&in->state_work);
	mutex_lock(&in->state_lock);
	ivnet_set_state(in, IVNET_STATE_RESET);
	mutex_unlock(&in->state_lock);
	netif_napi_del(&in->napi);
	pci_clear_master(pdev);
}

static const struct pci_device_id ivnet_ids[] = {
	{ PCI_DEVICE(IVSHMEM_VENDOR, IVSHMEM_DEVICE),
	  (PCI_CLASS_OTHERS << 16) | IVSHMEM_PROTO_VETH, 0xffffff },
	{}
};
MODULE_DEVICE_TABLE(pci, ivnet_ids);

static struct pci_driver ivnet_driver = {
	.name = "ivshmem-net",
	.id_table = ivnet_ids,
	.probe = ivnet_probe,
	.remove = ivnet_remove,
};

int warden_ivnet_init(void)
{
	return pci_register_driver(&ivnet_driver);
}

void warden_ivnet_exit(void)
{
	pci_unregister_driver(&ivnet_driver);
}
